/**
 * Lambda adapter for the notify queue (SQS, fed by the event bus rule): each record's event is delivered
 * to its subscriptions; records with deliveries still failing are reported as batch item failures, so the
 * queue retries only those (with the backoff the function sets) and finally dead-letters them.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { type BatchResult, handleQueueMessages, type MessageDeps } from '../shared/notify/queue-messages';
import { notifyDepsFromEnv } from '../shared/wiring/notify';

let deps: Promise<MessageDeps> | undefined;

export async function handler(event: SQSEvent): Promise<SQSBatchResponse & BatchResult> {
  deps ??= notifyDepsFromEnv();
  deps.catch(() => {
    deps = undefined;
  });
  return handleQueueMessages(
    await deps,
    event.Records.map((record) => ({
      messageId: record.messageId,
      body: record.body,
      receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? '1') || 1,
      receiptHandle: record.receiptHandle,
    })),
  );
}
