/**
 * The authorize use case behind the Lambda TOKEN authorizer (and the local adapter, which runs the same
 * function): missing/malformed header → UnauthorizedError (401), unknown token → ForbiddenError (403).
 */
import { ForbiddenError } from '../errors';
import type { TokenRepository } from '../store/ports';
import { hashToken, parseBearer } from './token';

export interface Principal {
  /** Not the token: a prefix of its hash, enough to correlate requests in logs. */
  principalId: string;
}

export async function authorize(
  tokens: TokenRepository,
  authorization: string | undefined,
): Promise<Principal> {
  const hash = hashToken(parseBearer(authorization));
  if (!(await tokens.hasTokenHash(hash))) throw new ForbiddenError('The bearer token is not valid');
  return { principalId: `token:${hash.slice(0, 12)}` };
}
