/**
 * Write tokens: only their sha256 is ever stored or compared; the token itself is never logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { UnauthorizedError } from '../errors';

/** sha256 hex of a token, the form the TokenRepository stores. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token (43 base64url characters, 256 bits). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

// RFC 6750 b64token syntax: what a bearer token may contain.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token in an `Authorization: Bearer …` value; UnauthorizedError when missing or malformed. */
export function parseBearer(authorization: string | undefined | null): string {
  if (!authorization || authorization.trim() === '') {
    throw new UnauthorizedError('Authorization header is missing: send "Authorization: Bearer <token>"');
  }
  const match = BEARER.exec(authorization.trim());
  if (!match || match[1]!.length > 512) {
    throw new UnauthorizedError('Authorization header is malformed: expected "Bearer <token>"');
  }
  return match[1]!;
}
