/**
 * Delivers one event to every subscription it matches. A subscription that already has the event (its
 * delivered marker exists: a redelivered queue message) is skipped, so every subscription gets an event
 * once however often the message is retried. Returns the subscriptions still to be retried; the queue
 * retries the message with backoff and, after its last receive, dead-letters it.
 */

import type { AnyEvent } from '../events/types';
import { sheetOf } from '../events/types';
import { mapBounded } from '../pipeline/refresh';
import type { SecretBox } from './secret-box';
import { type SendResult, sendWebhook } from './send-webhook';
import type { AttemptOutcome, StoredSubscription, SubscriptionStore } from './subscription';
import type { WebhookPolicy } from './webhook-url';

export interface NotifyLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface NotifyDeps {
  subscriptions: SubscriptionStore;
  box: SecretBox;
  policy: WebhookPolicy;
  clock: () => Date;
  logger?: NotifyLogger;
  /** Deliveries in flight at once (default 10). */
  concurrency?: number;
  /** Defaults to the real sender; benches may measure it alone. */
  send?: typeof sendWebhook;
}

export interface DeliveryRound {
  /** How often the queue has handed this message out, 1 for the first time. */
  receiveCount: number;
  /** This is the message's last receive: a failure now is dead-lettered. */
  final: boolean;
}

export interface DeliveryReport {
  delivered: string[];
  /** Still failing; the message must be retried. */
  pending: string[];
  /** Not retried: the receiver said 410 (now disabled) or the URL broke the SSRF rules. */
  dropped: string[];
}

export function matches(subscription: StoredSubscription, event: AnyEvent): boolean {
  if (event.type === 'ping') return subscription.id === event.data.subscriptionId;
  if (!subscription.enabled || !subscription.events.includes(event.type)) return false;
  const sheet = sheetOf(event);
  return !subscription.sheets || (sheet !== null && subscription.sheets.includes(sheet));
}

function outcomeOf(result: SendResult, round: DeliveryRound): AttemptOutcome {
  if (result.status !== null && result.status >= 200 && result.status < 300) return 'delivered';
  if (result.status === 410) return 'disabled';
  if (result.refused) return 'refused';
  return round.final ? 'dead-lettered' : 'retrying';
}

export async function deliverEvent(
  deps: NotifyDeps,
  event: AnyEvent,
  round: DeliveryRound,
): Promise<DeliveryReport> {
  const targets = (await deps.subscriptions.listAll()).filter((s) => matches(s, event));
  const report: DeliveryReport = { delivered: [], pending: [], dropped: [] };
  const send = deps.send ?? sendWebhook;
  await mapBounded(targets, deps.concurrency ?? 10, async (subscription) => {
    if (await deps.subscriptions.isDelivered(subscription.id, event.id)) {
      report.delivered.push(subscription.id);
      return;
    }
    const at = deps.clock();
    const secret = deps.box.open(subscription.secretCiphertext, subscription.id);
    const result = await send(subscription.url, secret, event, deps.policy, at);
    const outcome = outcomeOf(result, round);
    const recorded = deps.subscriptions.recordAttempt(subscription.id, {
      eventId: event.id,
      eventType: event.type,
      at: at.toISOString(),
      attempt: round.receiveCount,
      status: result.status,
      durationMs: result.durationMs,
      outcome,
      ...(result.error !== undefined && { error: result.error }),
    });
    if (outcome === 'delivered') {
      await Promise.all([recorded, deps.subscriptions.markDelivered(subscription.id, event.id)]);
      report.delivered.push(subscription.id);
      return;
    }
    await recorded;
    switch (outcome) {
      case 'disabled':
        await deps.subscriptions.disable(subscription.id, 'gone', at.toISOString());
        deps.logger?.warn('receiver answered 410 Gone: subscription disabled', {
          subscriptionId: subscription.id,
        });
        report.dropped.push(subscription.id);
        return;
      case 'refused':
        deps.logger?.warn('webhook URL refused', { subscriptionId: subscription.id, error: result.error });
        report.dropped.push(subscription.id);
        return;
      default:
        deps.logger?.warn('webhook delivery failed', {
          subscriptionId: subscription.id,
          eventId: event.id,
          attempt: round.receiveCount,
          status: result.status,
          error: result.error,
        });
        report.pending.push(subscription.id);
    }
  });
  return report;
}
