import { figuresOf } from '../../support/figures-of';

function periods(text: string) {
  return figuresOf(text)
    .filter((f) => f.kind !== 'date')
    .map((f) => [f.text, f.period]);
}

describe('fiscal years bound to their clause', () => {
  it('reads "Fiscal Year (FY) 2009", "fiscal year 2012", "FY2016" and "FY 2016-17" as fiscal years', () => {
    const dates = figuresOf('In Fiscal Year (FY) 2009, fiscal year 2012, FY2016 and FY 2016-17 it grew.')
      .filter((f) => f.kind === 'date')
      .map((f) => [f.text, f.value, f.fiscal, f.to]);
    expect(dates).toEqual([
      ['Fiscal Year (FY) 2009', '2009', true, undefined],
      ['fiscal year 2012', '2012', true, undefined],
      ['FY2016', '2016', true, undefined],
      ['FY 2016-17', '2016', true, '2017'],
    ]);
  });

  it('gives each amount the fiscal year of its own clause', () => {
    expect(
      periods(
        'Aid rose from more than $12.5 million in Fiscal Year (FY) 2001, to more than $30.1 million in FY 2002, and $44.7 million in FY 2003.',
      ),
    ).toEqual([
      ['$12.5 million', { fiscalYear: 2001 }],
      ['$30.1 million', { fiscalYear: 2002 }],
      ['$44.7 million', { fiscalYear: 2003 }],
    ]);
  });

  it('binds "the fiscal year" to the one the sentence before named, in the same section', () => {
    expect(
      periods('The office answered 31 emergencies in FY 2017. During the fiscal year, it gave $88 million.'),
    ).toEqual([
      ['31 emergencies', { fiscalYear: 2017 }],
      ['$88 million', { fiscalYear: 2017 }],
    ]);
    expect(periods('During the fiscal year, it gave $88 million.')).toEqual([['$88 million', undefined]]);
  });

  it('takes no figure from a fiscal year inside a document name', () => {
    const texts = figuresOf(
      'Search the FY 2008 Congressional Budget Justification. Fiscal Year 2018: Year in Review',
    ).map((f) => f.text);
    expect(texts).toEqual([]);
  });
});
