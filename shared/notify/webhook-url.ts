/**
 * The SSRF rules for webhook URLs, the same as for source fetching (url-policy.ts, ip-ranges.ts) minus
 * the host allowlist (receivers are anyone's): http(s) only, no embedded credentials, and every address
 * the host resolves to must be public — loopback only when the local runtime allows it. Checked when a
 * subscription is registered and again before every delivery, which then connects to the checked address.
 */
import { isIP } from 'node:net';
import { booleanEnv } from '../config';
import { ENV } from '../env';
import { FetchError } from '../errors';
import { classifyAddress } from '../fetch/ip-ranges';
import type { ResolvedAddress, Resolver } from '../fetch/policy';
import { systemResolver } from '../fetch/resolve';
import { normalizedHost } from '../fetch/url-policy';

export interface WebhookPolicy {
  /** Let loopback receivers through (the local runtime and tests); private ranges stay refused. */
  allowLoopback: boolean;
  /** Per-delivery deadline (the Standard Webhooks norm is short: 10 s by default). */
  timeoutMs: number;
  resolve?: Resolver;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;

export function webhookPolicyFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): WebhookPolicy {
  const timeout = Number(env[ENV.webhookTimeoutMs]);
  return {
    allowLoopback: booleanEnv(env, ENV.webhookAllowLoopback, false),
    timeoutMs: Number.isInteger(timeout) && timeout > 0 ? timeout : WEBHOOK_TIMEOUT_MS,
  };
}

/** Parses the URL and applies the scheme and credential rules; throws FetchError `scheme`. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new FetchError('scheme', `"${raw}" is not a valid absolute URL`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('scheme', `webhook URLs must be http or https, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new FetchError('scheme', 'webhook URLs may not embed credentials');
  return url;
}

/** Resolves the URL's host and returns the address to connect to, or throws FetchError. */
export async function checkWebhookTarget(
  raw: string,
  policy: WebhookPolicy,
): Promise<{ url: URL; address: ResolvedAddress }> {
  const url = parseWebhookUrl(raw);
  const host = normalizedHost(url);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await (policy.resolve ?? systemResolver)(host);
    } catch (cause) {
      throw new FetchError('network', `cannot resolve host "${host}": ${(cause as Error).message}`, {
        cause,
      });
    }
  }
  const first = addresses[0];
  if (!first) throw new FetchError('network', `host "${host}" resolved to no address`);
  for (const { address } of addresses) {
    const range = classifyAddress(address);
    if (range && !(range === 'loopback' && policy.allowLoopback)) {
      throw new FetchError(
        'private-address',
        `host "${host}" resolves to ${address}, a ${range} address; refusing to connect`,
      );
    }
  }
  return { url, address: first };
}
