/**
 * Opaque pagination cursors: base64url JSON of a DynamoDB LastEvaluatedKey. Cursors are validated
 * structurally on the way back in (exact key set, non-empty string values, the partition the query is scoped
 * to, and the sort-key prefixes its key condition allows), so a forged or garbled cursor can never widen a
 * query to another sheet or index, nor reach DynamoDB as a start key it refuses (an empty key value or one
 * outside the query's range is a ValidationException there, a 500 here): it throws
 * ValidationError('…', 'cursor') instead.
 */
import { ValidationError } from '../errors';

export type CursorKey = Record<string, string>;

export interface CursorShape {
  /** The attribute names the key must have, no more, no less. */
  keys: readonly string[];
  /** Attributes whose value is fixed by the query (its partition), e.g. `{ gsi1pk: 'SHEETS' }`. */
  fixed?: Readonly<Record<string, string>>;
  /**
   * Attributes whose value must start with (and be longer than) a prefix: the item types and the
   * `begins_with` range the query reads, e.g. `{ sk: 'ERR#' }` or `{ gsi2sk: 'FY#2021#' }`.
   */
  prefixes?: Readonly<Record<string, string>>;
}

const MAX_CURSOR_LENGTH = 2048;

function invalid(): never {
  throw new ValidationError(
    'Invalid cursor: pass back the nextCursor of a previous page unchanged',
    'cursor',
  );
}

/** Encodes a LastEvaluatedKey (string attributes only) as an opaque cursor; undefined stays undefined. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes and checks a cursor against the shape the query expects; throws ValidationError otherwise. */
export function decodeCursor(cursor: string, shape: CursorShape): CursorKey {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    invalid();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid();
  const record = value as Record<string, unknown>;
  const names = Object.keys(record);
  const isValue = (k: string) => typeof record[k] === 'string' && record[k] !== '';
  if (names.length !== shape.keys.length || !shape.keys.every(isValue)) invalid();
  for (const [name, expected] of Object.entries(shape.fixed ?? {})) {
    if (record[name] !== expected) invalid();
  }
  for (const [name, prefix] of Object.entries(shape.prefixes ?? {})) {
    const value = record[name] as string;
    if (!value.startsWith(prefix) || value.length === prefix.length) invalid();
  }
  return record as CursorKey;
}

/** Validates a page size: an integer in 1..max. */
export function checkLimit(limit: number, max = 1000): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ValidationError(`limit must be an integer between 1 and ${max}`, 'limit');
  }
  return limit;
}
