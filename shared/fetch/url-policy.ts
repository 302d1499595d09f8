/** The checks every URL (the registered one and each redirect target) passes before any connection. */
import { FetchError } from '../errors';

const SCHEMES = new Set(['http:', 'https:']);

/** A URL's hostname without IPv6 brackets or a trailing root dot, lower-cased. */
export function normalizedHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

/** True when the host is named exactly on the allowlist (no suffix matching: `evil-state.gov` is not `state.gov`). */
export function isHostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((allowed) => allowed.toLowerCase() === host);
}

/**
 * Parses and checks a URL: http(s) only, no embedded credentials, host on the allowlist.
 * Throws FetchError `scheme` or `host-not-allowed` with a message naming the URL.
 */
export function checkUrl(raw: string | URL, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new FetchError('scheme', `"${String(raw)}" is not a valid absolute URL`, { cause });
  }
  if (!SCHEMES.has(url.protocol)) {
    throw new FetchError(
      'scheme',
      `${url.protocol}// URLs are not fetched (only http and https): ${url.href}`,
    );
  }
  if (url.username || url.password) {
    throw new FetchError('scheme', `URLs with embedded credentials are not fetched: ${url.host}`);
  }
  const host = normalizedHost(url);
  if (!isHostAllowed(host, allowedHosts)) {
    throw new FetchError('host-not-allowed', `host "${host}" is not on the allowlist (${url.href})`);
  }
  return url;
}
