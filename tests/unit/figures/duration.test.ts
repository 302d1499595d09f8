import { pick } from '../../support/figures-of';

describe('duration figures', () => {
  it.each([
    ['with an 18-month mandate to hold elections', '18-month', 18, 'month'],
    ['the transition was extended to 24 months', '24 months', 24, 'month'],
    ['the family scrimped for five years', 'five years', 5, 'year'],
    ['a 90-day review', '90-day', 90, 'day'],
    ['within 2 weeks', '2 weeks', 2, 'week'],
  ])('reads %j', (text, span, value, unit) => {
    expect(pick(text, 'duration')).toEqual([{ text: span, value, unit }]);
  });

  it('does not read a year as a duration', () => {
    expect(pick('the 2020 year-end report', 'duration')).toEqual([]);
  });
});
