/**
 * What a source fetch may do: which hosts, which addresses, how long and how much. Built from AppConfig by
 * handlers; tests pass their own (127.0.0.1 on the allowlist, short timeouts, an injected resolver).
 */
import type { AppConfig } from '../config';

/** One address a hostname resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address it has (like `dns.lookup(host, { all: true })`). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface FetchPolicy {
  /** Lower-case hostnames (no port) a URL, or any redirect target, must name exactly. */
  allowedHosts: readonly string[];
  /** Permit loopback/private/link-local targets: the local runtime and tests only. */
  allowPrivateAddresses: boolean;
  /** Whole fetch, redirects and body included. */
  timeoutMs: number;
  /** Largest body accepted; enforced on Content-Length and while streaming. */
  maxBytes: number;
  maxRedirects: number;
  /** DNS resolution; defaults to the system resolver. Tests inject one to simulate rebinding. */
  resolve?: Resolver;
  userAgent?: string;
  /** Extra CA certificates (PEM) trusted for https, e.g. a private CA; the system roots stay trusted. */
  tlsCa?: string;
}

export const DEFAULT_MAX_REDIRECTS = 3;
export const DEFAULT_USER_AGENT = 'factsheet-pipeline-refresh/1.0';

/** The policy the deployed functions use, from configuration read once at cold start. */
export function fetchPolicyFromConfig(
  config: Pick<AppConfig, 'allowedHosts' | 'allowPrivateAddresses' | 'fetchTimeoutMs' | 'maxSourceBytes'>,
): FetchPolicy {
  return {
    allowedHosts: config.allowedHosts,
    allowPrivateAddresses: config.allowPrivateAddresses,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxSourceBytes,
    maxRedirects: DEFAULT_MAX_REDIRECTS,
  };
}
