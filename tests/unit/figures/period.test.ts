import { figuresOf } from '../../support/figures-of';

function periods(text: string) {
  return figuresOf(text)
    .filter((f) => f.kind !== 'date')
    .map((f) => [f.text, f.period]);
}

describe('periods from the sentence', () => {
  it('gives every amount of a sentence its fiscal year', () => {
    expect(
      periods(
        'Aid totaled approximately $148 million for development and $75 million for relief in FY 2021.',
      ),
    ).toEqual([
      ['$148 million', { fiscalYear: 2021 }],
      ['$75 million', { fiscalYear: 2021 }],
    ]);
  });

  it('reads a fiscal year stated before the amount', () => {
    expect(
      periods('In FY 2021 the U.S. government provided over $83 million to support food security.'),
    ).toEqual([['$83 million', { fiscalYear: 2021 }]]);
  });

  it('reads a fiscal-year range', () => {
    expect(periods('From FY 2011 to FY 2020 over $474 million in aid has gone to Mali.')).toEqual([
      ['$474 million', { fiscalYearFrom: 2011, fiscalYearTo: 2020 }],
    ]);
    expect(periods('During FY 2011-2020, $10 million was spent.')).toEqual([
      ['$10 million', { fiscalYearFrom: 2011, fiscalYearTo: 2020 }],
    ]);
  });

  it('reads a year range for percents', () => {
    expect(periods('Between 2018-2021 57 percent went to health, then agriculture (18 percent).')).toEqual([
      ['57 percent', { from: '2018', to: '2021' }],
      ['18 percent', { from: '2018', to: '2021' }],
    ]);
  });

  it('does not carry a period across sentences', () => {
    expect(periods('Aid was $5 million in FY 2020. Trade was $7 million.')).toEqual([
      ['$5 million', { fiscalYear: 2020 }],
      ['$7 million', undefined],
    ]);
  });

  it('gives no period when a sentence names two fiscal years without a range', () => {
    expect(periods('It was $5 million in FY 2020 and FY 2022.')).toEqual([['$5 million', undefined]]);
  });
});
