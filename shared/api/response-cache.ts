/**
 * The api's response cache: finished 200 responses of cacheable GETs (body, ETag, headers), keyed by the
 * route and its validated input, kept as long as their cache policy allows (docs/architecture.md, caches).
 */
import { LruCache } from './cache';
import type { CachePolicy } from './definition';
import { exportFormat } from './figure-export';
import { type ApiRequest, type ApiResponse, header } from './http';

/** A finished response kept for reuse, until when, and from when on it is rebuilt ahead of expiry. */
export interface CachedResponse {
  response: ApiResponse;
  expiresAt: number;
  refreshAt: number;
}

export type ResponseCache = LruCache<string, CachedResponse>;

/** Defaults of the response cache: 64 MiB of heap in all, no body over 1 Mi characters/bytes, 256 entries. */
export const RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;
export const MAX_CACHED_BODY_LENGTH = 1024 * 1024;
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * The response cache, bounded by estimated bytes as well as entries: immutable responses never expire, so
 * without a byte bound a few hundred large bodies would hold gigabytes in a warm function.
 */
export function createResponseCache(
  options: { maxEntries?: number; maxBytes?: number; maxEntryBytes?: number } = {},
): ResponseCache {
  return new LruCache(options.maxEntries ?? 256, {
    maxBytes: options.maxBytes ?? RESPONSE_CACHE_BYTES,
    // A 1 Mi-character string body takes up to 2 MiB of heap.
    maxEntryBytes: options.maxEntryBytes ?? 2 * MAX_CACHED_BODY_LENGTH + ENTRY_OVERHEAD_BYTES,
    sizeOf: ({ response }) => bodyHeapBytes(response.body) + ENTRY_OVERHEAD_BYTES,
  });
}

/** Heap bytes of a body: strings at 2 bytes a character (UTF-16 when any character is not Latin-1). */
function bodyHeapBytes(body: string | Uint8Array): number {
  return typeof body === 'string' ? 2 * body.length : body.byteLength;
}

/**
 * The cache key of a GET: the route and its VALIDATED params and query. Parameters the route does not
 * declare are refused, so `?x=<anything>` cannot mint new entries, and `01` and `1` share one. The format
 * `Accept` asks for (one of three) is part of the key; the raw header is not.
 */
export function responseKey(
  request: ApiRequest,
  operationId: string,
  params: unknown,
  query: unknown,
): string {
  return JSON.stringify([
    request.basePath ?? '',
    operationId,
    params,
    query,
    exportFormat(undefined, header(request, 'accept')),
  ]);
}

/** How old the data of a reused response of `policy` may be, ms (0: not kept). */
export function reuseMs(policy: CachePolicy, latestMaxAgeMs: number): number {
  return policy === 'immutable' ? Number.POSITIVE_INFINITY : policy === 'latest' ? latestMaxAgeMs : 0;
}

export function cacheControl(policy: CachePolicy, readMaxAgeSeconds: number): string {
  switch (policy) {
    case 'immutable':
      return 'public, max-age=31536000, immutable';
    case 'latest':
      return `public, max-age=${readMaxAgeSeconds}`;
    case 'static':
      return 'public, max-age=3600';
    case 'revalidate':
      return 'no-cache';
    default:
      return 'no-store';
  }
}

/** The client asked not to be served a reused copy (`Cache-Control: no-cache`, or `Pragma: no-cache`). */
export function wantsFresh(request: ApiRequest): boolean {
  const directives = `${header(request, 'cache-control') ?? ''},${header(request, 'pragma') ?? ''}`;
  return directives.split(',').some((d) => {
    const name = d.trim().toLowerCase();
    return name === 'no-cache' || name === 'max-age=0';
  });
}
