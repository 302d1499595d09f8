/**
 * The one way tests read fixtures/: sample sheets, AWS's sample events, TLS material. Paths are relative
 * to fixtures/ so a test names what it reads, not where it sits in the tree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

/** A path under fixtures/. */
export function fixturePath(...parts: string[]): string {
  return join(FIXTURES_DIR, ...parts);
}

/** Bytes of a file under fixtures/sheets/. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(fixturePath('sheets', name));
}

/** Text of a file under fixtures/sheets/. */
export function fixtureText(name: string): string {
  return fixtureBytes(name).toString('utf8');
}
