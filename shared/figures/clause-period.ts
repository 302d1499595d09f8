/**
 * Fiscal years bound to their own clause, and `the fiscal year` bound to the one named before it.
 * "$24.3 million in FY 2004, $51.8 million in FY 2005 and $76.2 million in FY 2007" gives each amount its
 * own year; "During the fiscal year, … $143 million" after a sentence naming FY 2019 is FY 2019.
 */
import type { Period } from '../model';
import type { RawFigure } from './raw-figure';

// How far a clause reaches on either side of its figure.
const CLAUSE_REACH = 160;
const BOUNDARY = /[;]|,(?=\s)/;

/** `[lo, hi)` of the clause holding `[start, end)` inside the sentence `[sStart, sEnd)`. */
function clauseAround(
  copy: string,
  sStart: number,
  sEnd: number,
  start: number,
  end: number,
): [number, number] {
  let lo = start;
  const minLo = Math.max(sStart, start - CLAUSE_REACH);
  while (lo > minLo && !BOUNDARY.test(copy.slice(lo - 1, lo + 1))) lo--;
  let hi = end;
  const maxHi = Math.min(sEnd, end + CLAUSE_REACH);
  while (hi < maxHi && !BOUNDARY.test(copy.slice(hi, hi + 2))) hi++;
  return [lo, hi];
}

/** Index of the first of `sorted` (by start) starting at or after `pos`. */
function firstFrom(sorted: readonly RawFigure[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid]?.start ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function periodOf(d: RawFigure): Period {
  return d.to === undefined
    ? { fiscalYear: Number(d.value) }
    : { fiscalYearFrom: Number(d.value), fiscalYearTo: Number(d.to) };
}

/**
 * The fiscal year of `f` when its sentence names several (`fiscal`, sorted by start): the first one after
 * it in its clause and before the next measured figure (`nextStart`) when it is the only one there, else
 * the last one before it since the previous measured figure (`prevEnd`); undefined when neither.
 */
export function clauseFiscalYear(
  copy: string,
  sentence: { start: number; end: number },
  f: RawFigure,
  fiscal: readonly RawFigure[],
  prevEnd: number,
  nextStart: number,
): Period | undefined {
  const [, hi] = clauseAround(copy, sentence.start, sentence.end, f.start, f.end);
  const i = firstFrom(fiscal, f.end);
  const after = fiscal[i];
  const limit = Math.min(hi, nextStart);
  if (after !== undefined && after.end <= limit) {
    // Two fiscal years after one amount (`$5 million in FY 2020 and FY 2022`) say neither.
    const second = fiscal[i + 1];
    return second !== undefined && second.end <= limit ? undefined : periodOf(after);
  }
  const before = fiscal[i - 1];
  if (before !== undefined && before.start >= prevEnd && before.end <= f.start) return periodOf(before);
  return undefined;
}

const THE_FISCAL_YEAR = /\b(?:the|this|that)\s+fiscal\s+year\b(?!\s*\(?(?:FY)?\s*\d)/i;

/** True when the sentence refers back to a fiscal year without naming it (`During the fiscal year`). */
export function refersToFiscalYear(sentence: string): boolean {
  return THE_FISCAL_YEAR.test(sentence);
}
