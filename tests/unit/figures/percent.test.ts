import { extractPercents } from '../../../shared/figures';
import { pick } from '../../support/figures-of';

describe('percent figures', () => {
  it.each([
    ['Health took 57 percent of the budget.', '57 percent', 57],
    ['Health took 57% of the budget.', '57%', 57],
    ['The economy grew at five percent on average.', 'five percent', 5],
    ['followed by agriculture (18 percent), education', '18 percent', 18],
    ['a rise of 2.5 per cent', '2.5 per cent', 2.5],
    ['twenty-two percent of voters', 'twenty-two percent', 22],
  ])('reads %j', (text, span, value) => {
    expect(pick(text, 'percent')).toEqual([{ text: span, value, unit: '%' }]);
  });

  it('keeps the value as written, not as a fraction', () => {
    expect(pick('100 percent', 'percent')[0]?.value).toBe(100);
  });

  it('reads "percent of 10" only in lenient mode', () => {
    expect(extractPercents('percent of 10')).toEqual([]);
    expect(extractPercents('percent of 10', { lenient: true })).toEqual([
      { start: 0, end: 13, value: 10, unit: '%' },
    ]);
  });
});
