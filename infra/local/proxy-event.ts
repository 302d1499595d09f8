/**
 * API Gateway's side of a REST proxy integration, locally: the v1 proxy event built from a node:http
 * request (headers + multiValueHeaders, query + multiValue query, pathParameters, resource, base64 body,
 * requestContext incl. the authorizer's context), and the proxy result written back.
 *
 * Bodies are always passed base64-encoded, as API Gateway does with `binaryMediaTypes: ['*\/*']`, so an
 * upload reaches the handler byte for byte (invalid UTF-8 included).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { matchPath } from '../../shared/api/route-match';
import { PayloadTooLargeError } from '../../shared/errors';

export const API_ID = 'local';
export const ACCOUNT_ID = '000000000000';

export type RouteMatch = ReturnType<typeof matchPath>;

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new PayloadTooLargeError(`Request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size === 0 ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The v1 proxy event for a request, as API Gateway builds it. */
export function proxyEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer | null,
  match: RouteMatch,
  stage: string,
  authorizer: Record<string, unknown> | undefined,
): APIGatewayProxyEvent {
  // Names come from the request: null-prototype records, so `constructor` or `__proto__` is just a name.
  const headers = nullRecord<string>();
  const multiValueHeaders = nullRecord<string[]>();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const value = req.rawHeaders[i + 1]!;
    headers[name] = value; // API Gateway keeps the last value in `headers`.
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  const query = nullRecord<string>();
  const multiQuery = nullRecord<string[]>();
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    multiQuery[name] = [...(multiQuery[name] ?? []), value];
  }
  const hasQuery = Object.keys(query).length > 0;
  const now = new Date();
  const requestId = randomUUID();
  return {
    resource: match?.resource ?? url.pathname,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters:
      match && Object.keys(match.params).length > 0 ? rawParams(match.resource, url.pathname) : null,
    stageVariables: null,
    body: body ? body.toString('base64') : null,
    isBase64Encoded: body !== null,
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      authorizer: authorizer ?? null,
      domainName: headers.Host ?? headers.host ?? '127.0.0.1',
      domainPrefix: '127',
      extendedRequestId: requestId,
      httpMethod: method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        user: null,
        userAgent: headerValue(req, 'user-agent') ?? null,
        userArn: null,
      },
      path: url.pathname,
      protocol: `HTTP/${req.httpVersion}`,
      requestId,
      requestTime: now.toUTCString(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: match?.resource ?? url.pathname,
      stage,
    },
  };
}

function nullRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Path parameters as API Gateway passes them: still percent-encoded segments are decoded once. */
function rawParams(resource: string, path: string): Record<string, string> {
  const names = resource.split('/');
  const parts = path.split('/');
  const out = nullRecord<string>();
  names.forEach((segment, i) => {
    if (segment.startsWith('{')) {
      const raw = parts[i] ?? '';
      try {
        out[segment.slice(1, -1)] = decodeURIComponent(raw);
      } catch {
        out[segment.slice(1, -1)] = raw;
      }
    }
  });
  return out;
}

/** Writes a proxy result as API Gateway would (multiValueHeaders, base64 bodies decoded). */
export function writeProxyResult(res: ServerResponse, result: APIGatewayProxyResult): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    headers[name] = values.map(String);
  }
  const body = result.isBase64Encoded
    ? Buffer.from(result.body, 'base64')
    : Buffer.from(result.body ?? '', 'utf8');
  if (result.statusCode !== 304 && result.statusCode !== 204) headers['Content-Length'] = String(body.length);
  res.writeHead(result.statusCode, headers);
  res.end(result.statusCode === 304 || result.statusCode === 204 ? undefined : body);
}
