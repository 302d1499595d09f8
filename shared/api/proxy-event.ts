/**
 * API Gateway REST proxy (v1) events ↔ ApiRequest/ApiResponse. The event type is declared structurally
 * here (shared/ imports no Lambda types); `APIGatewayProxyEvent` from @types/aws-lambda satisfies it.
 */
import type { ApiRequest, ApiResponse } from './http';

export interface RestProxyEventLike {
  httpMethod: string;
  path: string;
  headers?: Record<string, string | undefined> | null;
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  multiValueQueryStringParameters?: Record<string, string[] | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: { stage?: string; requestId?: string; path?: string } | null;
}

export interface RestProxyResultLike {
  statusCode: number;
  headers: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

/** The ApiRequest a REST proxy event describes. */
export function requestFromProxyEvent(event: RestProxyEventLike): ApiRequest {
  // Names come from the client: null-prototype records, so `constructor` or `__proto__` is just a name.
  const headers: Record<string, string> = Object.create(null);
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    if (values && values.length > 0) headers[name.toLowerCase()] = values.join(', ');
  }
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined && headers[name.toLowerCase()] === undefined) headers[name.toLowerCase()] = value;
  }
  const query: Record<string, string[]> = Object.create(null);
  for (const [name, values] of Object.entries(event.multiValueQueryStringParameters ?? {})) {
    if (values) query[name] = [...values];
  }
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined && query[name] === undefined) query[name] = [value];
  }
  const body =
    event.body === undefined || event.body === null
      ? undefined
      : new Uint8Array(Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8'));
  return { method: event.httpMethod, path: event.path, headers, query, body, basePath: stageBasePath(event) };
}

/**
 * The stage prefix when the client called the default execute-api URL (`/prod/sheets` with path
 * `/sheets`); empty behind a custom domain or locally.
 */
function stageBasePath(event: RestProxyEventLike): string {
  const stage = event.requestContext?.stage;
  const full = event.requestContext?.path;
  if (!stage || !full || full === event.path) return '';
  return full.endsWith(event.path) ? full.slice(0, full.length - event.path.length) : '';
}

/** The proxy result for an ApiResponse: binary bodies base64-encoded, as API Gateway expects. */
export function proxyResultFromResponse(response: ApiResponse): RestProxyResultLike {
  const binary = typeof response.body !== 'string';
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    body: binary ? Buffer.from(response.body).toString('base64') : (response.body as string),
    isBase64Encoded: binary,
  };
}
