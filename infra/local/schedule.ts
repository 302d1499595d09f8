/**
 * `REFRESH_RATE` parsing and the local timer that stands in for the EventBridge schedule. Rates read like
 * the topology's (`1 day`, `30 minutes`, also `rate(2 hours)`); `0`/`off` disables the timer. The grammar
 * is the one the CDK stack reads (infra/rate.ts), with the local options.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { parseRate as parseRateText } from '../rate';

/** The rate in milliseconds, or null when the schedule is disabled. Throws ConfigError on anything else. */
export function parseRate(text: string): number | null {
  const rate = parseRateText(text, {
    units: ['second', 'minute', 'hour', 'day'],
    rateWrapper: true,
    disable: true,
    invalid: (value) =>
      `REFRESH_RATE "${value}" is not a rate: use e.g. "1 day", "6 hours", "30 minutes", or "0" to disable`,
  });
  return rate?.ms ?? null;
}

/** What EventBridge hands a scheduled Lambda. */
export function scheduledEvent(ruleName: string, region: string, at: Date = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:000000000000:rule/${ruleName}`],
    detail: {},
  };
}

/** Node's timers take at most 2^31-1 ms; a longer delay silently becomes 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `fire` every `rateMs` (any length: rates of 25 days and more are waited out in steps, since a
 * single timer cannot hold them); the timer never keeps the process alive. Returns the stop function.
 */
export function startSchedule(rateMs: number, fire: () => void): () => void {
  let due = Date.now() + rateMs;
  let timer: NodeJS.Timeout;
  const arm = () => {
    timer = setTimeout(tick, Math.min(Math.max(due - Date.now(), 0), MAX_TIMER_MS));
    timer.unref();
  };
  const tick = () => {
    if (Date.now() >= due) {
      due += rateMs;
      fire();
    }
    arm();
  };
  arm();
  return () => clearTimeout(timer);
}
