/** REST proxy events for tests, built on AWS's sample event (fixtures/events/apigateway/AwsProxy.json). */
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { compileRoutes, matchPath } from '../../shared/api/route-match';
import { routes } from '../../shared/topology';
import { fixturePath } from './fixtures';

const TEMPLATE = JSON.parse(
  readFileSync(fixturePath('events/apigateway/AwsProxy.json'), 'utf8'),
) as APIGatewayProxyEvent;
const compiled = compileRoutes(routes);

export function proxyEvent(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: Uint8Array | string } = {},
): APIGatewayProxyEvent {
  const url = new URL(target, 'https://api.example');
  let resource = url.pathname;
  let pathParameters: Record<string, string> | null = null;
  try {
    const match = matchPath(compiled, url.pathname);
    if (match) {
      resource = match.resource;
      pathParameters = Object.keys(match.params).length > 0 ? match.params : null;
    }
  } catch {
    // Undecodable on purpose: the handler must answer 400.
  }
  const query: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) {
    query[k] = v;
    multi[k] = [...(multi[k] ?? []), v];
  }
  const headers = { ...TEMPLATE.headers, ...options.headers };
  const multiValueHeaders = { ...TEMPLATE.multiValueHeaders };
  for (const [k, v] of Object.entries(options.headers ?? {})) multiValueHeaders[k] = [v];
  const body = options.body === undefined ? null : Buffer.from(options.body).toString('base64');
  return {
    ...TEMPLATE,
    httpMethod: method,
    path: url.pathname,
    resource,
    pathParameters,
    queryStringParameters: Object.keys(query).length > 0 ? query : null,
    multiValueQueryStringParameters: Object.keys(multi).length > 0 ? multi : null,
    headers,
    multiValueHeaders,
    body,
    isBase64Encoded: body !== null,
    requestContext: {
      ...TEMPLATE.requestContext,
      httpMethod: method,
      resourcePath: resource,
      path: `/prod${url.pathname}`,
    },
  };
}
