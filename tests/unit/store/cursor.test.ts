import { ValidationError } from '../../../shared/errors';
import { checkLimit, decodeCursor, encodeCursor } from '../../../shared/store/cursor';

const shape = { keys: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], fixed: { gsi1pk: 'SHEETS' } };
const key = { pk: 'SHEET#mali', sk: 'META', gsi1pk: 'SHEETS', gsi1sk: 'mali' };

function expectCursorError(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).parameter).toBe('cursor');
    return;
  }
  throw new Error('expected a ValidationError');
}

describe('cursors', () => {
  it('round-trips a LastEvaluatedKey as url-safe text', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor as string, shape)).toEqual(key);
  });

  it('encodes no key as no cursor', () => {
    expect(encodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['empty', ''],
    ['not json', Buffer.from('{oops').toString('base64url')],
    ['an array', Buffer.from('[1,2]').toString('base64url')],
    ['too long', 'a'.repeat(5000)],
  ])('rejects %s', (_label, cursor) => {
    expectCursorError(() => decodeCursor(cursor, shape));
  });

  it('rejects a cursor with missing, extra or non-string keys', () => {
    const { gsi1sk, ...missing } = key;
    expectCursorError(() => decodeCursor(encodeCursor(missing) as string, shape));
    expectCursorError(() => decodeCursor(encodeCursor({ ...key, extra: 'x' }) as string, shape));
    expectCursorError(() => decodeCursor(encodeCursor({ ...key, sk: 5 }) as string, shape));
    expect(gsi1sk).toBe('mali');
  });

  it('rejects a cursor forged to read another partition', () => {
    const forged = encodeCursor({ ...key, gsi1pk: 'SOURCES' }) as string;
    expectCursorError(() => decodeCursor(forged, shape));
  });

  it('checks page limits', () => {
    expect(checkLimit(25)).toBe(25);
    expect(() => checkLimit(0)).toThrow(ValidationError);
    expect(() => checkLimit(1.5)).toThrow(ValidationError);
    expect(() => checkLimit(5000)).toThrow(ValidationError);
  });
});
