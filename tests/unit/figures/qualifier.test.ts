import { pick } from '../../support/figures-of';

describe('qualifiers', () => {
  it.each([
    ['approximately $5 million', 'approximately'],
    ['about $5 million', 'approximately'],
    ['around $5 million', 'approximately'],
    ['roughly $5 million', 'approximately'],
    ['some $5 million', 'approximately'],
    ['more than $5 million', 'over'],
    ['over $5 million', 'over'],
    ['above $5 million', 'over'],
    ['past $5 million', 'over'],
    ['exceeding $5 million', 'over'],
    ['less than $5 million', 'under'],
    ['below $5 million', 'under'],
    ['fewer than $5 million', 'under'],
    ['under $5 million', 'under'],
    ['almost $5 million', 'nearly'],
    ['nearly $5 million', 'nearly'],
    ['at least $5 million', 'at least'],
    ['up to $5 million', 'up to'],
  ])('normalizes %j to %s', (text, qualifier) => {
    expect(pick(`It gave ${text} in aid.`, 'money')).toEqual([
      { text: '$5 million', value: 5_000_000, unit: 'USD', qualifier },
    ]);
  });

  it('leaves an exact figure without a qualifier', () => {
    expect(pick('It gave $5 million in aid.', 'money')[0]).not.toHaveProperty('qualifier');
  });

  it('needs the qualifier right before the figure', () => {
    expect(pick('about the plan, $5 million', 'money')[0]).not.toHaveProperty('qualifier');
  });

  it('qualifies percents and counts too', () => {
    expect(pick('More than 35 percent of people', 'percent')[0]?.qualifier).toBe('over');
    expect(pick('nearly 300 schools', 'count')[0]?.qualifier).toBe('nearly');
  });
});
