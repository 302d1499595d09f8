import { Duration } from 'aws-cdk-lib';
import { parseRate as parseRateText, type RateUnit } from '../rate';

const UNITS: Record<Exclude<RateUnit, 'second'>, (n: number) => Duration> = {
  minute: Duration.minutes,
  hour: Duration.hours,
  day: Duration.days,
};

/**
 * Parses a human rate such as `1 day`, `6 hours` or `30 minutes` (the topology's and the `refreshRate`
 * context's format) into a Duration for an EventBridge `rate()` schedule.
 * Throws `ConfigError` naming the bad value, so a typo in cdk.json fails the synth instead of deploying a
 * schedule nobody asked for.
 */
export function parseRate(rate: string): Duration {
  const parsed = parseRateText(rate, {
    units: ['minute', 'hour', 'day'],
    invalid: (text) =>
      `Invalid refresh rate "${text}": expected "<positive integer> minute(s)|hour(s)|day(s)", e.g. "1 day"`,
  });
  // Without `disable`, the grammar never answers null.
  const { amount, unit } = parsed!;
  return UNITS[unit as keyof typeof UNITS](amount);
}
