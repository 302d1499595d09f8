/**
 * The router's own request/response shapes: plain data, no Lambda types. `proxy-event.ts` converts API
 * Gateway REST proxy events (v1) to and from these.
 */

export interface ApiRequest {
  method: string;
  /** The request path without the stage prefix, e.g. `/sheets/mali`. */
  path: string;
  /** Lower-cased header names; repeated headers joined with `, ` as API Gateway does for `headers`. */
  headers: Readonly<Record<string, string>>;
  /** Every value of each query parameter, in order. */
  query: Readonly<Record<string, readonly string[]>>;
  /** Prefix the API is served under (`/prod` for an API Gateway stage); links and the document use it. */
  basePath?: string;
  /** Raw request body bytes, when any. */
  body?: Uint8Array;
}

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  /** Text bodies (JSON, HTML, CSS, JS) as strings; binary bodies as bytes. */
  body: string | Uint8Array;
}

/** A header value, by case-insensitive name. */
export function header(request: ApiRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}
