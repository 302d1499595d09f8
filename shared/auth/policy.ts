/**
 * IAM policies a TOKEN authorizer returns. Allow covers every method of the stage: API Gateway caches the
 * policy per token, so allowing only the first method ARN would deny the token's next, different request.
 */

export interface AuthorizerPolicy {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: { Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string }[];
  };
  context?: Record<string, string | number | boolean>;
}

/** `arn:aws:execute-api:region:account:apiId/stage/METHOD/path` → `…/stage/*` (every method and path). */
export function stageWildcard(methodArn: string): string {
  const [prefix, apiPath = ''] = methodArn.split(/:(?=[^:]*$)/);
  const [apiId, stage] = apiPath.split('/');
  if (!prefix || !apiId || !stage) return methodArn;
  return `${prefix}:${apiId}/${stage}/*`;
}

export function policyFor(
  principalId: string,
  effect: 'Allow' | 'Deny',
  methodArn: string,
  context?: AuthorizerPolicy['context'],
): AuthorizerPolicy {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'execute-api:Invoke',
          Effect: effect,
          Resource: effect === 'Allow' ? stageWildcard(methodArn) : methodArn,
        },
      ],
    },
    ...(context && { context }),
  };
}
