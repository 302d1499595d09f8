/**
 * The request pipeline: match a topology route, validate path and query with its zod schemas, run its
 * handler, then add ETag (304 on If-None-Match for GETs), Cache-Control and CORS. Every failure goes
 * through problem.ts, the one error mapping.
 */
import { NotFoundError } from '../errors';
import type { RouteSpec } from '../topology';
import type { CachePolicy, RouteDefinition, RouteDeps, RouteResult } from './definition';
import { etagOf, matchesIfNoneMatch } from './etag';
import { type ApiRequest, type ApiResponse, header } from './http';
import { problemResponse } from './problem';
import { type CompiledRoute, compileRoutes, matchPath } from './route-match';
import { singleQueryValues, validateInput } from './validate';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After',
};

export interface RouterOptions {
  routes: readonly RouteSpec[];
  definitions: Readonly<Record<string, RouteDefinition>>;
  deps: RouteDeps;
  readMaxAgeSeconds: number;
  /** Called with every error that became a 5xx (logging); never with the request body. */
  onServerError?: (err: unknown, request: ApiRequest) => void;
}

export type ApiHandler = (request: ApiRequest, context?: { requestId?: string }) => Promise<ApiResponse>;

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

export function createRouter(options: RouterOptions): ApiHandler {
  const missing = options.routes.filter((r) => !options.definitions[r.operationId]);
  if (missing.length > 0) {
    throw new Error(`Routes without a definition: ${missing.map((r) => r.operationId).join(', ')}`);
  }
  const compiled: CompiledRoute[] = compileRoutes(options.routes);

  return async (request, context = {}) => {
    let response: ApiResponse;
    try {
      response = await dispatch(request);
    } catch (err) {
      response = problemResponse(err, { instance: request.path, requestId: context.requestId });
      if (response.statusCode >= 500) options.onServerError?.(err, request);
    }
    return { ...response, headers: { ...CORS_HEADERS, ...response.headers } };
  };

  async function dispatch(request: ApiRequest): Promise<ApiResponse> {
    const method = request.method.toUpperCase();
    const match = matchPath(compiled, request.path);
    if (!match) throw new NotFoundError(`No resource at ${request.path}`);
    const allowed = match.routes.map((r) => r.method);
    if (method === 'OPTIONS') return preflight(allowed);
    const lookup = method === 'HEAD' ? 'GET' : method;
    const spec = match.routes.find((r) => r.method === lookup);
    if (!spec)
      throw new NotFoundError(`${method} is not supported on ${match.resource} (use ${allowed.join(', ')})`);
    const definition = options.definitions[spec.operationId]!;
    const params = validateInput(definition.params, match.params, 'path');
    const query = validateInput(definition.query, singleQueryValues(request.query), 'query');
    const result = await definition.handle({ params, query, request, deps: options.deps });
    return finish(request, lookup, result);
  }

  function finish(request: ApiRequest, method: string, result: RouteResult): ApiResponse {
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
    response.headers['Cache-Control'] = cacheControl(result.cache, options.readMaxAgeSeconds);
    if (method !== 'GET' || response.statusCode !== 200) return response;
    const etag = etagOf(response.body);
    response.headers.ETag = etag;
    if (matchesIfNoneMatch(header(request, 'if-none-match'), etag)) {
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
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-None-Match',
        'Access-Control-Max-Age': '600',
      },
      body: '',
    };
  }
}
