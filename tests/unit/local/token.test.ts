import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWriteToken } from '../../../infra/local/token';
import { hashToken } from '../../../shared/auth/token';
import type { TokenRepository } from '../../../shared/store/ports';

class FakeTokens implements TokenRepository {
  readonly hashes = new Map<string, string>();
  async hasTokenHash(hash: string) {
    return this.hashes.has(hash);
  }
  async putTokenHash(hash: string, label: string) {
    this.hashes.set(hash, label);
  }
}

const marker = () => join(mkdtempSync(join(tmpdir(), 'token-')), 'token.json');

describe('local write token', () => {
  it('generates a token on first start, stores only its hash, and never shows it again', async () => {
    const tokens = new FakeTokens();
    const file = marker();
    const first = await ensureWriteToken({ markerFile: file, tokens });
    if (first.kind !== 'generated') throw new Error(`expected a generated token, got ${first.kind}`);
    expect([...tokens.hashes.keys()]).toEqual([hashToken(first.token)]);
    expect(readFileSync(file, 'utf8')).not.toContain(first.token);

    const second = await ensureWriteToken({ markerFile: file, tokens });
    expect(second.kind).toBe('existing');
    expect(JSON.stringify(second)).not.toContain(first.token);
    expect(tokens.hashes.size).toBe(1);
  });

  it('stores the hash of API_TOKEN when it is set', async () => {
    const tokens = new FakeTokens();
    const file = marker();
    await expect(
      ensureWriteToken({ apiToken: 's3cret-token-0123', markerFile: file, tokens }),
    ).resolves.toEqual({ kind: 'env' });
    expect(await tokens.hasTokenHash(hashToken('s3cret-token-0123'))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a guessably short API_TOKEN and stores nothing', async () => {
    const tokens = new FakeTokens();
    const file = marker();
    await expect(ensureWriteToken({ apiToken: 'x', markerFile: file, tokens })).rejects.toThrow(
      /API_TOKEN must be at least 16 characters/,
    );
    expect(tokens.hashes.size).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});
