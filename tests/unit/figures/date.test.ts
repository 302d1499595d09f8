import { figuresOf } from '../../support/figures-of';

function dates(text: string) {
  return figuresOf(text)
    .filter((f) => f.kind === 'date')
    .map((f) => ({
      text: f.text,
      value: f.value,
      ...(f.fiscal ? { fiscal: true } : {}),
      ...(f.to ? { to: f.to } : {}),
    }));
}

describe('date figures', () => {
  it('reads full dates', () => {
    expect(dates('On November 9, 2021, the Mission acted; and on May 24, 2021 too.')).toEqual([
      { text: 'November 9, 2021', value: '2021-11-09' },
      { text: 'May 24, 2021', value: '2021-05-24' },
    ]);
  });

  it('reads day-month-year dates', () => {
    expect(dates('Signed 9 November 2021.')).toEqual([{ text: '9 November 2021', value: '2021-11-09' }]);
  });

  it('reads month-year and bare years', () => {
    expect(dates('In March 2012 a rebellion began; relations date from 1960.')).toEqual([
      { text: 'March 2012', value: '2012-03' },
      { text: '1960', value: '1960' },
    ]);
  });

  it('reads fiscal years as dates with fiscal: true', () => {
    expect(dates('In FY 2021 the U.S. provided aid.')).toEqual([
      { text: 'FY 2021', value: '2021', fiscal: true },
    ]);
  });

  it('reads year ranges with a "to" year', () => {
    expect(dates('Between 2018-2021 and for 2022–2026.')).toEqual([
      { text: '2018-2021', value: '2018', to: '2021' },
      { text: '2022–2026', value: '2022', to: '2026' },
    ]);
  });

  it('resolves a month-day against an earlier full date in the same sentence', () => {
    expect(dates('On May 24, 2021, officers acted, and on June 7, Goita was sworn in.')).toEqual([
      { text: 'May 24, 2021', value: '2021-05-24' },
      { text: 'June 7', value: '2021-06-07' },
    ]);
  });

  it('drops a month-day whose year the sentence does not give', () => {
    expect(dates('On June 7, Goita was sworn in.')).toEqual([]);
  });

  it('rejects impossible days', () => {
    expect(dates('On February 30, 2021 nothing happened.').map((d) => d.value)).toEqual(['2021']);
  });

  it('does not read "may" the verb as a month', () => {
    expect(dates('Prices may 5 times rise in 2020.')).toEqual([{ text: '2020', value: '2020' }]);
  });
});
