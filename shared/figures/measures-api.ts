/** Lower-level extractors over the same scan, for callers that want one kind (and the conformance run). */
import { matchingCopy } from './matching-copy';
import type { NumberOptions } from './numbers';
import { scanFigures } from './scan';

/** A money or percent amount found in a text; `[start, end)` indexes that text. */
export interface MeasureSpan {
  start: number;
  end: number;
  value: number;
  /** ISO 4217 for money, `%` for percent. */
  unit: string;
}

function measures(text: string, kind: 'money' | 'percent', options: NumberOptions): MeasureSpan[] {
  return scanFigures(matchingCopy(text), options.lenient === true)
    .filter((f) => f.kind === kind && typeof f.value === 'number')
    .map((f) => ({ start: f.start, end: f.end, value: Number(f.value), unit: f.unit ?? '' }));
}

/** Money amounts in whole currency units: `$148 million` → 148000000 USD, `50 cents` → 0.5 USD. */
export function extractMoney(text: string, options: NumberOptions = {}): MeasureSpan[] {
  return measures(text, 'money', options);
}

/** Percentages as written: `57 percent`, `57%`, `five percent` → 5. */
export function extractPercents(text: string, options: NumberOptions = {}): MeasureSpan[] {
  return measures(text, 'percent', options);
}
