import { pick } from '../../support/figures-of';

describe('durations as real pages write them', () => {
  it.each([
    ['It endured three decades of war.', 'three decades', 30],
    ['A decade-long conflict ended.', 'decade-long', 10],
    ['They signed a 48-month plan.', '48-month', 48],
    ['It is a four-year compact.', 'four-year', 4],
    ['Zorland has a median age of 19.4 years.', '19.4 years', 19.4],
  ])('reads %j as %s', (text, span, value) => {
    const [d] = pick(text, 'duration');
    expect(d?.text).toBe(span);
    expect(d?.value).toBe(value);
  });

  it('reads "more than half a century" as 50 years, over', () => {
    expect(pick('Ties span more than half a century.', 'duration')).toEqual([
      { text: 'half a century', value: 50, unit: 'year', qualifier: 'over' },
    ]);
  });

  it('gives "over the past 60 years" and "$9 million over three years" no qualifier', () => {
    expect(pick('Over the past 60 years they worked together.', 'duration')).toEqual([
      { text: '60 years', value: 60, unit: 'year' },
    ]);
    expect(pick('It will invest $9 million over three years.', 'duration')).toEqual([
      { text: 'three years', value: 3, unit: 'year' },
    ]);
  });

  it('reads ages, and both ends of an age range, in years', () => {
    expect(pick('It reached girls aged 10-14.', 'duration')).toEqual([
      { text: '10', value: 10, unit: 'year' },
      { text: '14', value: 14, unit: 'year' },
    ]);
  });
});
