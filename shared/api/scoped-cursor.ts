/**
 * Opaque API cursors. The store's own cursor is wrapped with the scope it belongs to (which list, which
 * filters), so a cursor from one list replayed against another — or a forged one — is a 400 naming
 * `cursor` instead of a confusing page or a store error.
 */
import { ValidationError } from '../errors';

interface Envelope {
  v: 1;
  s: string;
  c: string;
}

/** Wraps the store cursor for `scope`; undefined stays undefined (last page). */
export function encodeCursor(scope: string, storeCursor: string | undefined): string | undefined {
  if (storeCursor === undefined) return undefined;
  const envelope: Envelope = { v: 1, s: scope, c: storeCursor };
  return Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url');
}

/** The store cursor inside `cursor`, checked against `scope`. Throws ValidationError('cursor'). */
export function decodeCursor(scope: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new ValidationError('cursor is not a cursor this list returned; start again without it', 'cursor');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const envelope = parsed as Partial<Envelope> | null;
  if (
    typeof envelope !== 'object' ||
    envelope === null ||
    envelope.v !== 1 ||
    envelope.s !== scope ||
    typeof envelope.c !== 'string' ||
    envelope.c.length === 0
  ) {
    throw invalid();
  }
  return envelope.c;
}
