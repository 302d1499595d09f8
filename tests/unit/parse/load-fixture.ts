import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of a file under fixtures/sheets/. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(__dirname, '../../../fixtures/sheets', name));
}

/** Text of a file under fixtures/sheets/. */
export function fixtureText(name: string): string {
  return fixtureBytes(name).toString('utf8');
}
