/**
 * API Gateway's TOKEN authorizer step, locally: no identity source is a 401 without invoking the
 * authorizer; its "Unauthorized" error is a 401; a policy that does not allow the method ARN is a 403.
 * The answers are the gateway's own (problem+json with CORS headers), never reaching the api handler.
 */
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyResult,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';
import { problemResponse } from '../../shared/api/problem';
import { CORS_HEADERS } from '../../shared/api/router';
import { ForbiddenError, UnauthorizedError } from '../../shared/errors';

export type TokenAuthorizer = (
  event: APIGatewayTokenAuthorizerEvent,
  context?: unknown,
) => Promise<APIGatewayAuthorizerResult>;

/** The authorizer's context for the api handler, or the gateway's own response. */
export type GatewayAuthorization = { context: Record<string, unknown> } | { response: APIGatewayProxyResult };

function gatewayProblem(err: unknown): { response: APIGatewayProxyResult } {
  const problem = problemResponse(err);
  return {
    response: {
      statusCode: problem.statusCode,
      headers: { ...CORS_HEADERS, ...problem.headers },
      body: problem.body as string,
    },
  };
}

export async function authorizeAtGateway(
  authorizer: (event: APIGatewayTokenAuthorizerEvent) => Promise<APIGatewayAuthorizerResult>,
  authorization: string | undefined,
  methodArn: string,
): Promise<GatewayAuthorization> {
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
