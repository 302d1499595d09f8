/**
 * Lambda TOKEN authorizer for the write routes. Missing or malformed header: throw "Unauthorized" (API
 * Gateway answers 401); unknown token: a Deny policy (403); valid: Allow for the stage. The local HTTP
 * adapter runs this same function. The token is never logged.
 */
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { authorize } from '../shared/auth/authorize';
import { policyFor } from '../shared/auth/policy';
import { documentClient } from '../shared/aws/clients';
import { loadTableName } from '../shared/config';
import { ForbiddenError, UnauthorizedError } from '../shared/errors';
import { DynamoTokenRepository } from '../shared/store/dynamo-tokens';
import type { TokenRepository } from '../shared/store/ports';

let tokens: TokenRepository | undefined;

export async function handler(event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> {
  tokens ??= new DynamoTokenRepository(documentClient(), loadTableName());
  try {
    const principal = await authorize(tokens, event.authorizationToken);
    return policyFor(principal.principalId, 'Allow', event.methodArn, { principalId: principal.principalId });
  } catch (err) {
    // API Gateway turns exactly this message into a 401 response.
    if (err instanceof UnauthorizedError) throw new Error('Unauthorized');
    if (err instanceof ForbiddenError) return policyFor('anonymous', 'Deny', event.methodArn);
    throw err;
  }
}
