/**
 * `REFRESH_RATE` parsing and the local timer that stands in for the EventBridge schedule. Rates read like
 * the topology's (`1 day`, `30 minutes`, also `rate(2 hours)`); `0`/`off` disables the timer.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { ConfigError } from '../../shared/config';

const UNIT_MS: Record<string, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** The rate in milliseconds, or null when the schedule is disabled. Throws ConfigError on anything else. */
export function parseRate(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '0' || trimmed === 'off' || trimmed === 'disabled' || trimmed === 'false') return null;
  const inner = /^rate\((.*)\)$/.exec(trimmed)?.[1]?.trim() ?? trimmed;
  const match = /^(\d+)\s*(second|minute|hour|day)s?$/.exec(inner);
  if (!match) {
    throw new ConfigError(
      `REFRESH_RATE "${text}" is not a rate: use e.g. "1 day", "6 hours", "30 minutes", or "0" to disable`,
    );
  }
  const value = Number(match[1]);
  if (value === 0) return null;
  return value * UNIT_MS[match[2]!]!;
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
