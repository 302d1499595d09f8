import { extractNumberRanges } from '../../../shared/figures';

function ranges(text: string): [string, string][] {
  return extractNumberRanges(text).map((r) => [text.slice(r.start, r.end), r.interval]);
}

describe('number ranges', () => {
  it.each([
    ['The number is between 20 and 30.', 'between 20 and 30', '[20,30)'],
    ['The number range is 1000–5000', '1000–5000', '[1000,5000)'],
    ['He is over thirty years old.', 'over thirty', '(30,)'],
    ['His age is no less than thirty.', 'no less than thirty', '[30,)'],
    ['Fewer than a thousand giant pandas', 'Fewer than a thousand', '(,1000)'],
    ['cut up to 700 contract workers', 'up to 700', '(,700]'],
    ['x is equal to one hundred and seventy.', 'equal to one hundred and seventy', '[170,170]'],
    ["There're about five hundred or more in these products.", 'five hundred or more', '[500,)'],
    ['His score is less than 5000 or equal', 'less than 5000 or equal', '(,5000]'],
  ])('reads %j', (text, span, interval) => {
    expect(ranges(text)).toEqual([[span, interval]]);
  });

  it('merges a lower and an upper bound joined by "and"', () => {
    expect(ranges("There're at most 100 and at least 20 apples.")).toEqual([
      ['at most 100 and at least 20', '[20,100]'],
    ]);
  });

  it('keeps inconsistent bounds apart', () => {
    expect(ranges('More than 40 and less than 10 are two ranges')).toEqual([
      ['More than 40', '(40,)'],
      ['less than 10', '(,10)'],
    ]);
  });

  it('does not read phone numbers or dates as ranges', () => {
    expect(ranges('+1-222-2222-2222 is a phone number.')).toEqual([]);
    expect(ranges('1995-01')).toEqual([]);
  });
});
