import { extractNumbers } from '../../../shared/figures';

function read(text: string, lenient = false): [string, number][] {
  return extractNumbers(text, { lenient }).map((n) => [text.slice(n.start, n.end), n.value]);
}

describe('numbers in digits and words', () => {
  it.each([
    ['1,234,567', 1234567],
    ['12,34,567.89', 1234567.89],
    ['1 414 021 100', 1414021100],
    ['7.2 million', 7_200_000],
    ['10k', 10_000],
    ['1.3e6', 1_300_000],
    ['3/4', 0.75],
    ['2 1/4', 2.25],
    ['one hundred and twenty-three', 123],
    ['a dozen', 12],
    ['half a dozen', 6],
    ['two thirds', 2 / 3],
    ['five and a half', 5.5],
    ['nine point nought four', 9.04],
    ['minus five', -5],
    ['twenty-one trillion and three hundred', 21_000_000_000_300],
    ['one million and a half', 1_500_000],
    ['3 million and a half', 3_500_000],
    ['five and a half million', 5_500_000],
    ['half a million', 500_000],
    ['a quarter million', 250_000],
    ['two thirds of a million', 2_000_000 / 3],
    ['six million and two thirds', 20_000_000 / 3],
    ['one hundred and three quarters', 100.75],
    ['2½', 2.5],
    ['¾', 0.75],
  ])('reads %j', (text, value) => {
    const [found] = read(text);
    expect(found?.[0]).toBe(text);
    // Values keep 15 significant digits, so compare relatively.
    expect(Math.abs((found?.[1] ?? Number.NaN) - value)).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(value)),
    );
  });

  it('splits numbers that cannot be one', () => {
    expect(read('three-nought-four')).toEqual([
      ['three', 3],
      ['nought', 0],
      ['four', 4],
    ]);
    expect(read('1, 234, 567')).toEqual([
      ['1', 1],
      ['234', 234],
      ['567', 567],
    ]);
  });

  it('reads ambiguous forms only in lenient mode', () => {
    expect(read('The number is 1,3.')).toEqual([
      ['1', 1],
      ['3', 3],
    ]);
    expect(read('The number is 1,3.', true)).toEqual([['1,3', 1.3]]);
    expect(read('1 over 3')).toEqual([
      ['1', 1],
      ['3', 3],
    ]);
    expect(read('1 over 3', true)[0]?.[1]).toBeCloseTo(1 / 3, 12);
  });

  it('keeps "12 out of 10" as two numbers: a part cannot exceed its whole', () => {
    expect(read('there are 12 out of 10', true)).toEqual([
      ['12', 12],
      ['10', 10],
    ]);
  });

  it('does not read a first-class seat or a lone article as a number', () => {
    expect(read('Book a first class seat')).toEqual([]);
  });
});
