/**
 * Fetches a registered source URL safely: allowlisted http(s) hosts only, public addresses only (checked
 * after DNS, connection pinned to the checked address), manual redirects each re-checked, conditional
 * headers, one deadline for everything, a byte cap while streaming and text/html or text/plain only.
 * Every failure is a FetchError whose `reason` says which rule refused it.
 */
import type { IncomingMessage } from 'node:http';
import { FetchError } from '../errors';
import type { ContentType } from '../model';
import { networkError, openGet, readCapped } from './http-request';
import { DEFAULT_USER_AGENT, type FetchPolicy } from './policy';
import { resolveCheckedAddress } from './resolve';
import { checkUrl, normalizedHost } from './url-policy';

/** Validators from the previous successful fetch, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { status: 'not-modified'; url: string }
  | {
      status: 'fetched';
      /** The final URL after redirects. */
      url: string;
      bytes: Uint8Array;
      contentType: ContentType;
      etag?: string;
      lastModified?: string;
    };

/** The fetcher port the refresh depends on; `fetchSource` is the real one. */
export type SourceFetcher = (
  url: string,
  validators: Validators,
  policy: FetchPolicy,
) => Promise<FetchOutcome>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CONTENT_TYPES: readonly ContentType[] = ['text/html', 'text/plain'];

function header(res: IncomingMessage, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function requestHeaders(validators: Validators, policy: FetchPolicy): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': policy.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html, text/plain;q=0.9',
    'accept-encoding': 'identity',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

function acceptedType(res: IncomingMessage, url: URL): ContentType {
  const raw = header(res, 'content-type') ?? '';
  const media = raw.split(';')[0]?.trim().toLowerCase() ?? '';
  const type = CONTENT_TYPES.find((t) => t === media);
  if (!type) {
    throw new FetchError(
      'content-type',
      `${url.href} answered with content type "${raw || '(none)'}"; only text/html and text/plain are accepted`,
    );
  }
  return type;
}

function checkDeclaredLength(res: IncomingMessage, url: URL, maxBytes: number): void {
  const declared = Number(header(res, 'content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new FetchError(
      'too-large',
      `${url.href} declares ${declared} bytes, over the ${maxBytes}-byte limit`,
    );
  }
}

/** A slow resolver must not outlive the deadline. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function exchange(url: URL, headers: Record<string, string>, policy: FetchPolicy, signal: AbortSignal) {
  const pinned = await untilAborted(
    resolveCheckedAddress(normalizedHost(url), {
      allowPrivate: policy.allowPrivateAddresses,
      resolve: policy.resolve,
    }),
    signal,
  );
  return openGet(url, pinned, headers, signal, policy.tlsCa);
}

async function fetchWithin(
  start: URL,
  validators: Validators,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<FetchOutcome> {
  const headers = requestHeaders(validators, policy);
  let url = start;
  for (let hop = 0; ; hop++) {
    const res = await exchange(url, headers, policy, signal);
    const status = res.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      res.resume();
      const location = header(res, 'location');
      if (!location) throw new FetchError('status', `${url.href} answered ${status} without a Location`);
      if (hop >= policy.maxRedirects) {
        throw new FetchError(
          'redirects',
          `more than ${policy.maxRedirects} redirects starting at ${start.href}`,
        );
      }
      url = checkUrl(new URL(location, url), policy.allowedHosts);
      continue;
    }
    if (status === 304) {
      res.resume();
      return { status: 'not-modified', url: url.href };
    }
    if (status !== 200) {
      res.resume();
      throw new FetchError('status', `${url.href} answered HTTP ${status}`);
    }
    try {
      const contentType = acceptedType(res, url);
      checkDeclaredLength(res, url, policy.maxBytes);
      const bytes = await readCapped(res, url, policy.maxBytes, signal);
      return {
        status: 'fetched',
        url: url.href,
        bytes,
        contentType,
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
      };
    } catch (err) {
      res.destroy();
      throw err;
    }
  }
}

/**
 * GETs `rawUrl` under `policy`. Resolves with `not-modified` (304) or the fetched bytes; rejects with a
 * FetchError (`scheme`, `host-not-allowed`, `private-address`, `timeout`, `too-large`, `content-type`,
 * `status`, `redirects`, `network`).
 */
export async function fetchSource(
  rawUrl: string,
  validators: Validators,
  policy: FetchPolicy,
): Promise<FetchOutcome> {
  const url = checkUrl(rawUrl, policy.allowedHosts);
  const signal = AbortSignal.timeout(policy.timeoutMs);
  try {
    return await fetchWithin(url, validators, policy, signal);
  } catch (err) {
    const failure = networkError(url, err, signal);
    if (failure.reason !== 'timeout') throw failure;
    throw new FetchError('timeout', `${url.href} did not answer completely within ${policy.timeoutMs} ms`, {
      cause: err,
    });
  }
}
