/**
 * One Standard Webhooks delivery: JSON body, `webhook-id` (the event id, the same on every attempt),
 * `webhook-timestamp` (this attempt, seconds) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of
 * `id.timestamp.body`, signed by the `standardwebhooks` package). The URL is re-checked against the SSRF
 * rules first and the connection pinned to the checked address.
 */
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { FetchError } from '../errors';
import type { AnyEvent } from '../events/types';
import { postPinned } from '../fetch/http-post';
import { checkWebhookTarget, type WebhookPolicy } from './webhook-url';

export interface SendResult {
  status: number | null;
  durationMs: number;
  /** Set unless the receiver answered 2xx. */
  error?: string;
  /** The URL broke the SSRF rules: no connection was made. */
  refused?: boolean;
}

export const USER_AGENT = 'factsheet-pipeline-webhooks/1.0';

export function signedHeaders(
  secret: string,
  event: AnyEvent,
  body: string,
  at: Date,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': event.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(event.id, at, body),
  };
}

export async function sendWebhook(
  url: string,
  secret: string,
  event: AnyEvent,
  policy: WebhookPolicy,
  at: Date,
): Promise<SendResult> {
  const t0 = performance.now();
  const elapsed = () => Math.round((performance.now() - t0) * 10) / 10;
  try {
    const target = await checkWebhookTarget(url, policy);
    const body = JSON.stringify(event);
    const res = await postPinned(
      target.url,
      target.address,
      signedHeaders(secret, event, body, at),
      body,
      policy.timeoutMs,
    );
    if (res.status >= 200 && res.status < 300) return { status: res.status, durationMs: elapsed() };
    const detail = res.bodyStart.trim() ? `: ${res.bodyStart.trim().slice(0, 120)}` : '';
    return {
      status: res.status,
      durationMs: elapsed(),
      error: `receiver answered HTTP ${res.status}${detail}`,
    };
  } catch (err) {
    const refused =
      err instanceof FetchError && (err.reason === 'private-address' || err.reason === 'scheme');
    return {
      status: null,
      durationMs: elapsed(),
      error: err instanceof Error ? err.message : String(err),
      ...(refused && { refused: true }),
    };
  }
}
