import { authorize } from '../../../shared/auth/authorize';
import { policyFor, stageWildcard } from '../../../shared/auth/policy';
import { generateToken, hashToken, parseBearer } from '../../../shared/auth/token';
import { ForbiddenError, UnauthorizedError } from '../../../shared/errors';
import type { TokenRepository } from '../../../shared/store/ports';

class MemoryTokens implements TokenRepository {
  readonly hashes = new Set<string>();
  async hasTokenHash(hash: string) {
    return this.hashes.has(hash);
  }
  async putTokenHash(hash: string) {
    this.hashes.add(hash);
  }
}

describe('bearer tokens', () => {
  it('parses "Bearer <token>" case-insensitively and refuses anything else', () => {
    expect(parseBearer('Bearer abc.DEF-123_~+/=')).toBe('abc.DEF-123_~+/=');
    expect(parseBearer('bearer   xyz')).toBe('xyz');
    for (const bad of [undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'Token abc']) {
      expect(() => parseBearer(bad)).toThrow(UnauthorizedError);
    }
  });

  it('hashes with sha256 hex and generates distinct 256-bit tokens', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });
});

describe('authorize', () => {
  it('401 for a missing or malformed header, 403 for an unknown token, a principal for a stored one', async () => {
    const tokens = new MemoryTokens();
    const token = generateToken();
    await tokens.putTokenHash(hashToken(token));
    await expect(authorize(tokens, undefined)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(authorize(tokens, 'Basic x')).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(authorize(tokens, 'Bearer wrong')).rejects.toBeInstanceOf(ForbiddenError);
    const principal = await authorize(tokens, `Bearer ${token}`);
    expect(principal.principalId).toBe(`token:${hashToken(token).slice(0, 12)}`);
    expect(principal.principalId).not.toContain(token);
  });
});

describe('authorizer policies', () => {
  const arn = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/PUT/sheets/mali/source';

  it('allows the whole stage (the gateway caches the policy per token) and denies only the method', () => {
    expect(stageWildcard(arn)).toBe('arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*');
    expect(policyFor('p', 'Allow', arn).policyDocument.Statement[0]).toEqual({
      Action: 'execute-api:Invoke',
      Effect: 'Allow',
      Resource: 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*',
    });
    expect(policyFor('p', 'Deny', arn).policyDocument.Statement[0]?.Resource).toBe(arn);
  });
});
