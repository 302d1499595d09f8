/**
 * The one grammar of schedule rates, read by both targets: `<positive integer> <unit>[s]`, case and
 * surrounding blanks ignored. Each target accepts a subset, as options: the CDK stack takes minutes,
 * hours and days (what an EventBridge `rate()` holds; constructs/rate.ts), the local timer also seconds,
 * a `rate(…)` wrapper and `0`/`off` to disable it (local/schedule.ts).
 */
import { ConfigError } from '../shared/config';

export type RateUnit = 'second' | 'minute' | 'hour' | 'day';

const UNIT_MS: Record<RateUnit, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

export interface RateGrammar {
  units: readonly RateUnit[];
  /** Accept `rate(2 hours)` as well as `2 hours`. */
  rateWrapper?: boolean;
  /** `0`, `off`, `disabled`, `false` and an amount of 0 mean "no schedule" (null) instead of an error. */
  disable?: boolean;
  /** The ConfigError's message for a value outside the grammar (it names the value and its source). */
  invalid: (text: string) => string;
}

export interface Rate {
  amount: number;
  unit: RateUnit;
  ms: number;
}

const DISABLED = new Set(['0', 'off', 'disabled', 'false']);

/** The rate `text` names under `grammar`; null when the grammar allows disabling and `text` does. */
export function parseRate(text: string, grammar: RateGrammar): Rate | null {
  const trimmed = text.trim().toLowerCase();
  if (grammar.disable && DISABLED.has(trimmed)) return null;
  const wrapped = grammar.rateWrapper ? /^rate\((.*)\)$/.exec(trimmed)?.[1]?.trim() : undefined;
  const match = /^(\d+)\s*([a-z]+?)s?$/.exec(wrapped ?? trimmed);
  const amount = match ? Number(match[1]) : Number.NaN;
  const unit = grammar.units.find((u) => u === match?.[2]);
  if (unit === undefined || !Number.isSafeInteger(amount)) throw new ConfigError(grammar.invalid(text));
  if (amount === 0) {
    if (grammar.disable) return null;
    throw new ConfigError(grammar.invalid(text));
  }
  return { amount, unit, ms: amount * UNIT_MS[unit] };
}
