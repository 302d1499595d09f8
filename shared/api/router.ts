/**
 * The request pipeline: match a topology route, validate path and query with its zod schemas, run its
 * handler, then add ETag (304 on If-None-Match for GETs), Cache-Control and CORS. Every failure goes
 * through problem.ts, the one error mapping.
 */
import { NotFoundError, PayloadTooLargeError } from '../errors';
import type { RouteSpec } from '../topology';
import { LruCache } from './cache';
import type { CachePolicy, RouteDefinition, RouteDeps, RouteResult } from './definition';
import { etagOf, matchesIfNoneMatch } from './etag';
import { exportFormat } from './figure-export';
import { type ApiRequest, type ApiResponse, header } from './http';
import { problemResponse } from './problem';
import { type CompiledRoute, compileRoutes, matchPath } from './route-match';
import { queryValues, validateInput } from './validate';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, Link, X-Next-Cursor',
};

export interface RouterOptions {
  routes: readonly RouteSpec[];
  definitions: Readonly<Record<string, RouteDefinition>>;
  deps: RouteDeps;
  readMaxAgeSeconds: number;
  /**
   * How long a `latest` response is reused by this process, ms (immutable ones: until evicted). Together
   * with the reader's META reuse it must stay within the Cache-Control max-age promised to clients.
   */
  latestResponseTtlMs?: number;
  /** Responses kept (default 256). */
  responseCacheSize?: number;
  /** The response cache itself (default: `createResponseCache({ maxEntries: responseCacheSize })`). */
  responseCache?: ResponseCache;
  /** Called with every error that became a 5xx (logging); never with the request body. */
  onServerError?: (err: unknown, request: ApiRequest) => void;
}

export type ApiHandler = (request: ApiRequest, context?: { requestId?: string }) => Promise<ApiResponse>;

const policies = new WeakMap<ApiResponse, CachePolicy>();

interface ResolvedInput {
  operationId: string;
  definition: RouteDefinition;
  /** The method whose route answers (`GET` for HEAD). */
  lookup: string;
  params: unknown;
  query: unknown;
}

function cachePolicyOf(response: ApiResponse): CachePolicy {
  return policies.get(response) ?? 'no-store';
}

/** A finished response kept for reuse, and until when. */
export interface CachedResponse {
  response: ApiResponse;
  expiresAt: number;
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
 * Lambda returns at most 6 MB (6,291,456 bytes) synchronously; more becomes a 502 at API Gateway. Bodies
 * are measured as the proxy result carries them and held below 5.5 MB, leaving room for the envelope.
 */
export const MAX_RESPONSE_BYTES = 5.5 * 1024 * 1024;

/**
 * Bytes `body` takes inside the JSON proxy result: UTF-8, plus one escape character for every `"` and `\`
 * (a JSON body is full of quotes), or base64 for a binary body. Control characters (`\u00XX`) do not occur
 * in what this API serves: JSON.stringify already escaped them.
 */
export function proxyBodyBytes(body: string | Uint8Array): number {
  if (typeof body !== 'string') return Math.ceil(body.byteLength / 3) * 4;
  // At most 3 UTF-8 bytes per UTF-16 unit (a `"` is 1 byte + 1 escape): a short body cannot exceed the
  // limit, so the common case skips the scan and reports that upper bound.
  if (body.length * 3 <= MAX_RESPONSE_BYTES) return body.length * 3;
  let escapes = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) escapes++;
  }
  return Buffer.byteLength(body, 'utf8') + escapes;
}

function tooLarge(bytes: number): PayloadTooLargeError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new PayloadTooLargeError(
    `This response would be ${mb(bytes)} MB; one response carries at most ${mb(MAX_RESPONSE_BYTES)} MB. ` +
      'Read the sheet in parts: GET /sheets/{id} (metadata and section list, without the text), ' +
      '/sheets/{id}/sections/{sectionId} (one section) and /sheets/{id}/figures (filter by kind or ' +
      'sectionId); /sheets/{id}/diff gives what changed between revisions.',
  );
}

export function cacheControl(policy: CachePolicy, readMaxAgeSeconds: number): string {
  switch (policy) {
    case 'immutable':
      return 'public, max-age=31536000, immutable';
    case 'latest':
      return `public, max-age=${readMaxAgeSeconds}`;
    case 'static':
      return 'public, max-age=3600';
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

export function createRouter(options: RouterOptions): ApiHandler {
  const missing = options.routes.filter((r) => !options.definitions[r.operationId]);
  if (missing.length > 0) {
    throw new Error(`Routes without a definition: ${missing.map((r) => r.operationId).join(', ')}`);
  }
  const compiled: CompiledRoute[] = compileRoutes(options.routes);
  // Finished 200 responses of cacheable GETs (body, ETag, headers): a hit skips the store and
  // serialization. Any successful write through this process clears it.
  const responses =
    options.responseCache ?? createResponseCache({ maxEntries: options.responseCacheSize ?? 256 });
  const latestTtlMs = options.latestResponseTtlMs ?? 0;
  // `static` responses (the docs page and its assets) are a fixed set of a few files, one over 1 MB (the
  // Swagger UI bundle): kept apart from the bounded cache so it is not re-hashed for its ETag every time.
  const statics = new Map<string, ApiResponse>();

  return async (request, context = {}) => {
    let response: ApiResponse;
    try {
      const method = request.method.toUpperCase();
      if (method === 'GET' || method === 'HEAD') {
        response = conditional(request, await cachedGet(request));
      } else {
        response = await dispatch(request);
        if (response.statusCode < 400 && method !== 'OPTIONS') responses.clear();
      }
    } catch (err) {
      response = problemResponse(err, { instance: request.path, requestId: context.requestId });
      if (response.statusCode >= 500) options.onServerError?.(err, request);
    }
    return { ...response, headers: { ...CORS_HEADERS, ...response.headers } };
  };

  async function cachedGet(request: ApiRequest): Promise<ApiResponse> {
    const input = resolve(request);
    // Keyed by the route and its VALIDATED params and query: parameters the route does not declare are
    // refused, so `?x=<anything>` cannot mint new entries, and `01` and `1` share one.
    // The format `Accept` asks for (one of three) is part of the key; the raw header is not.
    const key = JSON.stringify([
      request.basePath ?? '',
      input.operationId,
      input.params,
      input.query,
      exportFormat(undefined, header(request, 'accept')),
    ]);
    const fixed = statics.get(key);
    if (fixed) return fixed;
    const hit = wantsFresh(request) ? undefined : responses.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.response;
    const response = await run(input, request);
    const policy = response.statusCode === 200 ? cachePolicyOf(response) : 'no-store';
    if (policy === 'static') {
      statics.set(key, response);
      return response;
    }
    const ttl = policy === 'immutable' ? Number.POSITIVE_INFINITY : policy === 'latest' ? latestTtlMs : 0;
    if (ttl > 0) responses.set(key, { response, expiresAt: Date.now() + ttl });
    return response;
  }

  async function dispatch(request: ApiRequest): Promise<ApiResponse> {
    if (request.method.toUpperCase() === 'OPTIONS') {
      const match = matchPath(compiled, request.path);
      if (!match) throw new NotFoundError(`No resource at ${request.path}`);
      return preflight(match.routes.map((r) => r.method));
    }
    return run(resolve(request), request);
  }

  /** The route of a (non-OPTIONS) request and its validated input. */
  function resolve(request: ApiRequest): ResolvedInput {
    const method = request.method.toUpperCase();
    const match = matchPath(compiled, request.path);
    if (!match) throw new NotFoundError(`No resource at ${request.path}`);
    const allowed = match.routes.map((r) => r.method);
    const lookup = method === 'HEAD' ? 'GET' : method;
    const spec = match.routes.find((r) => r.method === lookup);
    if (!spec)
      throw new NotFoundError(`${method} is not supported on ${match.resource} (use ${allowed.join(', ')})`);
    const definition = options.definitions[spec.operationId]!;
    const params = validateInput(definition.params, match.params, 'path');
    const query = validateInput(definition.query, queryValues(definition.query, request.query), 'query');
    return { operationId: spec.operationId, definition, lookup, params, query };
  }

  async function run(input: ResolvedInput, request: ApiRequest): Promise<ApiResponse> {
    const { definition, params, query } = input;
    // `no-cache` asks for the latest pointer read fresh (read-after-write); immutable data stays cached.
    const deps = wantsFresh(request)
      ? { ...options.deps, reader: options.deps.reader.fresh() }
      : options.deps;
    const result = await definition.handle({ params, query, request, deps });
    return finish(input.lookup, result);
  }

  function finish(method: string, result: RouteResult): ApiResponse {
    const response: ApiResponse =
      'raw' in result
        ? result.raw
        : {
            statusCode: result.status ?? 200,
            headers: {
              ...(result.body !== undefined && { 'Content-Type': 'application/json; charset=utf-8' }),
              ...result.headers,
            },
            body: result.body === undefined ? '' : JSON.stringify(result.body),
          };
    // Checked here, for every route, so no response can become an opaque 502 on AWS (locally it would
    // pass): the same problem on both targets.
    const bytes = proxyBodyBytes(response.body);
    if (bytes > MAX_RESPONSE_BYTES) throw tooLarge(bytes);
    response.headers['Cache-Control'] = cacheControl(result.cache, options.readMaxAgeSeconds);
    policies.set(response, result.cache);
    if (method === 'GET' && response.statusCode === 200) response.headers.ETag = etagOf(response.body);
    return response;
  }

  /** 304 when the client's copy is current; HEAD without a body. */
  function conditional(request: ApiRequest, response: ApiResponse): ApiResponse {
    const etag = response.headers.ETag;
    if (etag && matchesIfNoneMatch(header(request, 'if-none-match'), etag)) {
      const { 'Content-Type': _omit, ...headers } = response.headers;
      return { statusCode: 304, headers, body: '' };
    }
    if (request.method.toUpperCase() === 'HEAD') return { ...response, body: '' };
    return response;
  }

  function preflight(allowed: string[]): ApiResponse {
    return {
      statusCode: 204,
      headers: {
        'Access-Control-Allow-Methods': [...allowed, 'OPTIONS'].join(', '),
        'Access-Control-Allow-Headers': 'Authorization, Cache-Control, Content-Type, If-None-Match',
        'Access-Control-Max-Age': '600',
      },
      body: '',
    };
  }
}
