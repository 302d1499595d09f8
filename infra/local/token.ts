/**
 * The local write token: `API_TOKEN` when set, else generated once on first start and printed once. Only
 * its sha256 goes into the table (TokenRepository); DATA_DIR/token.json records that one exists (no secret),
 * so later starts can say so without ever printing a token they do not have.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generateToken, hashToken } from '../../shared/auth/token';
import { ConfigError } from '../../shared/config';
import type { TokenRepository } from '../../shared/store/ports';

/** A write token shorter than this is guessable; generated ones are 43 characters. */
export const MIN_API_TOKEN_LENGTH = 16;

export type TokenStatus =
  | { kind: 'env' }
  | { kind: 'generated'; token: string }
  | { kind: 'existing'; createdAt: string };

export async function ensureWriteToken(options: {
  apiToken?: string;
  markerFile: string;
  tokens: TokenRepository;
}): Promise<TokenStatus> {
  const { apiToken, markerFile, tokens } = options;
  if (apiToken) {
    if (apiToken.length < MIN_API_TOKEN_LENGTH) {
      throw new ConfigError(
        `API_TOKEN must be at least ${MIN_API_TOKEN_LENGTH} characters (it is a password)`,
      );
    }
    await tokens.putTokenHash(hashToken(apiToken), 'API_TOKEN');
    writeMarker(markerFile, 'API_TOKEN');
    return { kind: 'env' };
  }
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { createdAt?: string };
    return { kind: 'existing', createdAt: marker.createdAt ?? 'unknown' };
  }
  const token = generateToken();
  await tokens.putTokenHash(hashToken(token), 'generated on first start');
  writeMarker(markerFile, 'generated');
  return { kind: 'generated', token };
}

function writeMarker(file: string, source: string): void {
  if (existsSync(file)) return;
  writeFileSync(file, `${JSON.stringify({ createdAt: new Date().toISOString(), source })}\n`, 'utf8');
}
