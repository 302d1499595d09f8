/**
 * The local stand-in for API Gateway (REST, proxy integration): a node:http server that turns each request
 * into the v1 proxy event API Gateway would send (proxy-event.ts), runs the TOKEN authorizer for
 * `auth: true` routes exactly as the gateway would (gateway-authorizer.ts), calls the api handler and
 * writes its result back. Both handlers are the topology's (function-modules.ts), invoked with the
 * topology's timeouts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { problemResponse } from '../../shared/api/problem';
import { compileRoutes, matchPath } from '../../shared/api/route-match';
import { CORS_HEADERS } from '../../shared/api/router';
import { PayloadTooLargeError } from '../../shared/errors';
import { functions, type RouteSpec, routes as topologyRoutes } from '../../shared/topology';
import { requireHandler } from './function-modules';
import { authorizeAtGateway, type TokenAuthorizer } from './gateway-authorizer';
import { lambdaContext } from './lambda-context';
import {
  ACCOUNT_ID,
  API_ID,
  headerValue,
  proxyEvent,
  type RouteMatch,
  readBody,
  writeProxyResult,
} from './proxy-event';

export type { TokenAuthorizer } from './gateway-authorizer';
export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface LocalHttpServerOptions {
  /** Defaults to the topology's api function. */
  handler?: ProxyHandler;
  /** Defaults to the topology's authorizer function. */
  authorizer?: TokenAuthorizer;
  routes?: readonly RouteSpec[];
  region?: string;
  /** Stage name in requestContext (the path carries no stage prefix locally, like a custom domain). */
  stage?: string;
  /** API Gateway's payload limit. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

/** A node:http server (not yet listening) serving the API the way API Gateway would. */
export function createLocalHttpServer(options: LocalHttpServerOptions = {}): Server {
  const region = options.region ?? 'us-east-1';
  const stage = options.stage ?? 'local';
  const compiled = compileRoutes(options.routes ?? topologyRoutes);
  const handler = options.handler ?? (requireHandler('api') as ProxyHandler);
  const authorizer = options.authorizer ?? (requireHandler('authorizer') as TokenAuthorizer);
  const context = (name: 'api' | 'authorizer') => lambdaContext(name, functions[name].timeoutSeconds, region);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
    let match: RouteMatch = null;
    try {
      match = matchPath(compiled, url.pathname);
    } catch {
      // Undecodable path parameters: let the api handler produce its 400.
    }
    const spec = match?.routes.find((r) => r.method === method);
    const methodArn = `arn:aws:execute-api:${region}:${ACCOUNT_ID}:${API_ID}/${stage}/${method}${match?.resource ?? url.pathname}`;

    let authorizerContext: Record<string, unknown> | undefined;
    if (spec?.auth) {
      const outcome = await authorizeAtGateway(
        (event) => authorizer(event, context('authorizer')),
        headerValue(req, 'authorization'),
        methodArn,
      );
      if ('response' in outcome) return writeProxyResult(res, outcome.response);
      authorizerContext = outcome.context;
    }

    const event = proxyEvent(req, url, method, body, match, stage, authorizerContext);
    writeProxyResult(res, await handler(event, context('api')));
  }

  return createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      const problem =
        err instanceof PayloadTooLargeError ? problemResponse(err) : problemResponse(new Error('adapter'));
      writeProxyResult(res, {
        statusCode: problem.statusCode,
        headers: { ...CORS_HEADERS, ...problem.headers },
        body: String(problem.body),
      });
    });
  });
}
