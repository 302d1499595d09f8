/**
 * The notify queue's messages, as the function sees them (decoded from SQS records by functions/notify.ts,
 * or handed over by the local queue): the body is the EventBridge envelope the bus rule forwarded, whose
 * `detail` is one of our events. Each message is delivered, then acknowledged or left for a retry.
 */

import { anyEventSchema } from '../events/schemas';
import type { AnyEvent } from '../events/types';
import { notifyQueue } from '../topology';
import { type DeliveryReport, deliverEvent, type NotifyDeps } from './deliver';

export interface QueueMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  /** SQS receipt handle, for the visibility change (absent locally). */
  receiptHandle?: string;
}

export interface BatchResult {
  batchItemFailures: { itemIdentifier: string }[];
}

export interface MessageDeps extends NotifyDeps {
  /** Hides a failed message until its next attempt (SQS ChangeMessageVisibility); the local queue waits itself. */
  retryLater?: (message: QueueMessage, seconds: number) => Promise<void>;
}

/** The event inside an EventBridge envelope (or a bare event); throws naming what is wrong. */
export function eventOfMessage(body: string): AnyEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error('message body is not JSON');
  }
  const detail =
    parsed && typeof parsed === 'object' && 'detail' in parsed
      ? (parsed as { detail: unknown }).detail
      : parsed;
  const result = anyEventSchema.safeParse(detail);
  if (!result.success)
    throw new Error(`message is not a known event: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data as AnyEvent;
}

export async function handleQueueMessages(
  deps: MessageDeps,
  messages: readonly QueueMessage[],
): Promise<BatchResult> {
  const failures: { itemIdentifier: string }[] = [];
  for (const message of messages) {
    let report: DeliveryReport;
    try {
      const event = eventOfMessage(message.body);
      report = await deliverEvent(deps, event, {
        receiveCount: message.receiveCount,
        final: message.receiveCount >= notifyQueue.maxReceiveCount,
      });
    } catch (err) {
      // Retried like a failed delivery: a store outage heals; a malformed message ends in the DLQ.
      deps.logger?.warn('notify message failed', { messageId: message.messageId, error: String(err) });
      failures.push({ itemIdentifier: message.messageId });
      continue;
    }
    if (report.pending.length === 0) continue;
    failures.push({ itemIdentifier: message.messageId });
    await deps.retryLater?.(message, notifyQueue.backoffSeconds(message.receiveCount));
  }
  return { batchItemFailures: failures };
}
