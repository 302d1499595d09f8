/**
 * The request pipeline: match a topology route, validate path and query with its zod schemas, run its
 * handler, then add ETag (304 on If-None-Match for GETs), Cache-Control and CORS. Every failure goes
 * through problem.ts, the one error mapping. The response cache is response-cache.ts, the size guard
 * response-size.ts.
 */
import { NotFoundError } from '../errors';
import type { RouteSpec } from '../topology';
import type { ReadBasis } from './cache';
import type { CachePolicy, RouteDefinition, RouteDeps, RouteResult } from './definition';
import { etagOf, matchesIfNoneMatch } from './etag';
import { type ApiRequest, type ApiResponse, header } from './http';
import { problemResponse } from './problem';
import {
  type CachedResponse,
  cacheControl,
  createResponseCache,
  type ResponseCache,
  responseKey,
  reuseMs,
  wantsFresh,
} from './response-cache';
import { assertFitsOneResponse } from './response-size';
import { type CompiledRoute, compileRoutes, matchPath } from './route-match';
import type { ReadOptions } from './sheet-reader';
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
   * How old the data behind a reused `latest` response may be, ms (immutable ones: kept until evicted):
   * the Cache-Control max-age promised to clients. Counted from the oldest META or figure-page read the
   * response used (its ReadBasis), so reused pointers and reused responses together stay within it.
   * From half of it on, a hit is still served and the response is rebuilt in the background.
   */
  latestMaxAgeMs?: number;
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
  const latestMaxAgeMs = options.latestMaxAgeMs ?? 0;
  const refreshAheadMs = latestMaxAgeMs / 2;
  // Bumped whenever a write clears the cache: a response whose run began before it is not kept.
  let generation = 0;
  const refreshing = new Set<string>();
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
        if (response.statusCode < 400 && method !== 'OPTIONS') {
          responses.clear();
          generation++;
        }
      }
    } catch (err) {
      response = problemResponse(err, { instance: request.path, requestId: context.requestId });
      if (response.statusCode >= 500) options.onServerError?.(err, request);
    }
    return { ...response, headers: { ...CORS_HEADERS, ...response.headers } };
  };

  async function cachedGet(request: ApiRequest): Promise<ApiResponse> {
    const input = resolve(request);
    const key = responseKey(request, input.operationId, input.params, input.query);
    const fixed = statics.get(key);
    if (fixed) return fixed;
    const fresh = wantsFresh(request);
    const hit = fresh ? undefined : responses.get(key);
    const now = Date.now();
    if (hit && hit.expiresAt > now) {
      if (hit.refreshAt <= now) refreshAhead(key, hit, input, request);
      return hit.response;
    }
    const started = generation;
    const basis: ReadBasis = { oldest: now };
    const response = await run(input, request, { fresh, basis });
    const policy = response.statusCode === 200 ? cachePolicyOf(response) : 'no-store';
    if (policy === 'static') {
      statics.set(key, response);
      return response;
    }
    if (started === generation) keep(key, response, policy, basis);
    return response;
  }

  function keep(key: string, response: ApiResponse, policy: CachePolicy, basis: ReadBasis): void {
    const reuse = reuseMs(policy, latestMaxAgeMs);
    if (!(reuse > 0)) return;
    const expiresAt = basis.oldest + reuse;
    if (expiresAt <= Date.now()) return;
    const refreshAt = policy === 'latest' ? basis.oldest + refreshAheadMs : Number.POSITIVE_INFINITY;
    responses.set(key, { response, expiresAt, refreshAt });
  }

  /**
   * Rebuilds a `latest` response past half its max-age while the old one is still served, so a key read
   * steadily never makes a request wait for the store; its META reads share batch calls. One rebuild per
   * key at a time; one that fails leaves the old response until it expires, one that is no longer a 200
   * (the sheet is gone) drops it.
   */
  function refreshAhead(key: string, hit: CachedResponse, input: ResolvedInput, request: ApiRequest): void {
    if (refreshing.has(key)) return;
    refreshing.add(key);
    const basis: ReadBasis = { oldest: Date.now() };
    run(input, request, { refreshOlderThanMs: refreshAheadMs, basis })
      .then((response) => {
        // A write through this process since (it clears the cache) or a newer answer wins.
        if (responses.get(key) !== hit) return;
        if (response.statusCode === 200) keep(key, response, cachePolicyOf(response), basis);
        else responses.delete(key);
      })
      .catch((err: unknown) => {
        // A 4xx (the sheet is gone) is the new answer: drop the old one. A 5xx is not kept; the old stands.
        const failed = problemResponse(err, { instance: request.path });
        if (failed.statusCode < 500 && responses.get(key) === hit) responses.delete(key);
      })
      .finally(() => refreshing.delete(key));
  }

  async function dispatch(request: ApiRequest): Promise<ApiResponse> {
    if (request.method.toUpperCase() === 'OPTIONS') {
      const match = matchPath(compiled, request.path);
      if (!match) throw new NotFoundError(`No resource at ${request.path}`);
      return preflight(match.routes.map((r) => r.method));
    }
    return run(resolve(request), request, { fresh: wantsFresh(request) });
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

  async function run(
    input: ResolvedInput,
    request: ApiRequest,
    reads: ReadOptions = {},
  ): Promise<ApiResponse> {
    const { definition, params, query } = input;
    // `no-cache` asks for the latest pointer read fresh (read-after-write); immutable data stays cached.
    const deps = { ...options.deps, reader: options.deps.reader.forRequest(reads) };
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
    assertFitsOneResponse(response.body);
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
