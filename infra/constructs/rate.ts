import { Duration } from 'aws-cdk-lib';
import { ConfigError } from '../../shared/config';

const UNITS: Record<string, (n: number) => Duration> = {
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
  const match = /^\s*(\d+)\s*(minute|hour|day)s?\s*$/i.exec(rate);
  const amount = match ? Number(match[1]) : Number.NaN;
  const unit = match?.[2]?.toLowerCase();
  const toDuration = unit === undefined ? undefined : UNITS[unit];
  if (!toDuration || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new ConfigError(
      `Invalid refresh rate "${rate}": expected "<positive integer> minute(s)|hour(s)|day(s)", e.g. "1 day"`,
    );
  }
  return toDuration(amount);
}
