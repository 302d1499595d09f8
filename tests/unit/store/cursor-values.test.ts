/** Cursor values DynamoDB would refuse (empty key values, sort keys outside the query) are caught early. */
import { ValidationError } from '../../../shared/errors';
import { decodeCursor, encodeCursor } from '../../../shared/store/cursor';

const shape = {
  keys: ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
  fixed: { gsi2pk: 'FIG#money' },
  prefixes: { pk: 'SHEET#', sk: 'LATEST#F#', gsi2sk: 'FY#2021#' },
};
const key = { pk: 'SHEET#mali', sk: 'LATEST#F#00003', gsi2pk: 'FIG#money', gsi2sk: 'FY#2021#mali#00003' };

function cursorError(value: Record<string, string>) {
  try {
    decodeCursor(encodeCursor(value) as string, shape);
  } catch (err) {
    return err instanceof ValidationError ? err.parameter : err;
  }
  return 'accepted';
}

describe('cursor values', () => {
  it('accepts a key within the expected prefixes', () => {
    expect(decodeCursor(encodeCursor(key) as string, shape)).toEqual(key);
  });

  it.each(['pk', 'sk', 'gsi2sk'])('rejects an empty %s', (name) => {
    expect(cursorError({ ...key, [name]: '' })).toBe('cursor');
  });

  it('rejects an empty value even without a prefix rule', () => {
    expect(() =>
      decodeCursor(encodeCursor({ pk: 'SHEET#mali', sk: '' }) as string, { keys: ['pk', 'sk'] }),
    ).toThrow(ValidationError);
  });

  it.each([
    ['gsi2sk outside FY#', { gsi2sk: 'ZZ#2021#mali#00003' }],
    ['gsi2sk of another fiscal year', { gsi2sk: 'FY#2019#mali#00003' }],
    ['sk of another item type', { sk: 'META' }],
    ['pk of another entity', { pk: 'SOURCE#mali' }],
    ['a bare prefix', { sk: 'LATEST#F#' }],
  ])('rejects %s', (_label, change) => {
    expect(cursorError({ ...key, ...change })).toBe('cursor');
  });
});
