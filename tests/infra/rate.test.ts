import { parseRate } from '../../infra/constructs/rate';
import { ConfigError } from '../../shared/config';

describe('parseRate', () => {
  it.each([
    ['1 day', 86_400],
    ['2 days', 172_800],
    ['6 hours', 21_600],
    ['1 hour', 3_600],
    ['30 minutes', 1_800],
    [' 12 Hours ', 43_200],
  ])('parses "%s" into %d seconds', (rate, seconds) => {
    expect(parseRate(rate).toSeconds()).toBe(seconds);
  });

  it.each(['', 'daily', '0 days', '-1 day', '1.5 hours', '1 week', 'rate(1 day)'])(
    'rejects "%s" with a ConfigError naming the value',
    (rate) => {
      expect(() => parseRate(rate)).toThrow(ConfigError);
      expect(() => parseRate(rate)).toThrow(`"${rate}"`);
    },
  );
});
