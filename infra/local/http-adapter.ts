/**
 * The local stand-in for API Gateway (REST, proxy integration): a node:http server that turns each request
 * into the v1 proxy event API Gateway would send (headers + multiValueHeaders, query + multiValue query,
 * pathParameters, resource, base64 body, requestContext incl. the authorizer's context), runs the TOKEN
 * authorizer for `auth: true` routes exactly as the gateway would, calls the api handler and writes its
 * result back (multiValueHeaders, base64 bodies).
 *
 * Bodies are always passed base64-encoded, as API Gateway does with `binaryMediaTypes: ['*\/*']`, so an
 * upload reaches the handler byte for byte (invalid UTF-8 included).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  APIGatewayTokenAuthorizerEvent,
  Context,
} from 'aws-lambda';
import { handler as apiHandler } from '../../functions/api';
import { handler as authorizerHandler } from '../../functions/authorizer';
import { problemResponse } from '../../shared/api/problem';
import { compileRoutes, matchPath } from '../../shared/api/route-match';
import { CORS_HEADERS } from '../../shared/api/router';
import { ForbiddenError, PayloadTooLargeError, UnauthorizedError } from '../../shared/errors';
import { type RouteSpec, routes as topologyRoutes } from '../../shared/topology';
import { lambdaContext } from './lambda-context';

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
export type TokenAuthorizer = (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>;

export interface LocalHttpServerOptions {
  /** Defaults to functions/api.ts `handler`. */
  handler?: ProxyHandler;
  /** Defaults to functions/authorizer.ts `handler`. */
  authorizer?: TokenAuthorizer;
  routes?: readonly RouteSpec[];
  region?: string;
  /** Stage name in requestContext (the path carries no stage prefix locally, like a custom domain). */
  stage?: string;
  /** API Gateway's payload limit. */
  maxBodyBytes?: number;
}

const API_ID = 'local';
const ACCOUNT_ID = '000000000000';
const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/** A node:http server (not yet listening) serving the API the way API Gateway would. */
export function createLocalHttpServer(options: LocalHttpServerOptions = {}): Server {
  const region = options.region ?? 'us-east-1';
  const stage = options.stage ?? 'local';
  const compiled = compileRoutes(options.routes ?? topologyRoutes);
  const handler = options.handler ?? apiHandler;
  const authorizer = options.authorizer ?? authorizerHandler;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    let match: ReturnType<typeof matchPath> = null;
    try {
      match = matchPath(compiled, url.pathname);
    } catch {
      // Undecodable path parameters: let the api handler produce its 400.
    }
    const spec = match?.routes.find((r) => r.method === method);
    const methodArn = `arn:aws:execute-api:${region}:${ACCOUNT_ID}:${API_ID}/${stage}/${method}${match?.resource ?? url.pathname}`;

    let authorizerContext: Record<string, unknown> | undefined;
    if (spec?.auth) {
      const outcome = await runAuthorizer(headerValue(req, 'authorization'), methodArn);
      if ('response' in outcome) return write(res, outcome.response);
      authorizerContext = outcome.context;
    }

    const event = proxyEvent(req, url, method, body, match, stage, authorizerContext);
    const result = await handler(event, lambdaContext('api', 29, region));
    write(res, result);
  }

  async function runAuthorizer(
    authorization: string | undefined,
    methodArn: string,
  ): Promise<{ context: Record<string, unknown> } | { response: APIGatewayProxyResult }> {
    const gatewayProblem = (err: unknown) => {
      const problem = problemResponse(err);
      return {
        response: {
          statusCode: problem.statusCode,
          headers: { ...CORS_HEADERS, ...problem.headers },
          body: problem.body as string,
        },
      };
    };
    // Like API Gateway: no identity source → 401 without invoking the authorizer.
    if (!authorization) return gatewayProblem(new UnauthorizedError('Authorization header is missing'));
    let result: APIGatewayAuthorizerResult;
    try {
      result = await authorizer({ type: 'TOKEN', authorizationToken: authorization, methodArn });
    } catch (err) {
      if (err instanceof Error && err.message === 'Unauthorized') {
        return gatewayProblem(
          new UnauthorizedError('Authorization header is malformed: expected "Bearer <token>"'),
        );
      }
      return gatewayProblem(err);
    }
    const allowed = result.policyDocument.Statement.some(
      (s) =>
        'Effect' in s &&
        s.Effect === 'Allow' &&
        resourceCovers((s as { Resource?: string | string[] }).Resource, methodArn),
    );
    if (!allowed) return gatewayProblem(new ForbiddenError('The bearer token is not valid'));
    return { context: { ...(result.context ?? {}), principalId: result.principalId } };
  }

  return createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      const problem =
        err instanceof PayloadTooLargeError ? problemResponse(err) : problemResponse(new Error('adapter'));
      write(res, {
        statusCode: problem.statusCode,
        headers: { ...CORS_HEADERS, ...problem.headers },
        body: String(problem.body),
      });
    });
  });
}

function resourceCovers(resource: string | string[] | undefined, methodArn: string): boolean {
  const list = Array.isArray(resource) ? resource : resource ? [resource] : [];
  return list.some((pattern) => {
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
    return regex.test(methodArn);
  });
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
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
function proxyEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer | null,
  match: ReturnType<typeof matchPath>,
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

function write(res: ServerResponse, result: APIGatewayProxyResult): void {
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
