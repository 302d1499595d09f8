/** One pass over a matching copy: dates first, then every other number classified by its context. */

import { currencyBefore } from './currency';
import { extractDates } from './dates';
import { excludedSpans, isReference, noFigureSpans } from './exclusions';
import { withListScale } from './list-scale';
import { classifyNumber, withQualifier } from './measures';
import { isNamePart, namesDocument } from './names';
import type { NumberSpan } from './numbers';
import { numbersInCopy } from './numbers';
import { rangeEnds } from './range-ends';
import type { RawFigure } from './raw-figure';
import { mergeSpans, overlapsAny, type Span } from './span';
import { wordFigures } from './word-figures';

/**
 * Every figure of `copy` in text order, without overlaps. Month-day dates (`June 7`) come back with a
 * `--MM-DD` value for the caller to resolve against its sentence.
 */
export function scanFigures(copy: string, lenient: boolean): RawFigure[] {
  const none = noFigureSpans(copy);
  const excluded = excludedSpans(copy, none);
  const dates = extractDates(copy).filter(
    (d) =>
      !overlapsAny(none, d.start, d.end) &&
      (!overlapsAny(excluded, d.start, d.end) || d.fiscal === true) &&
      !(d.fiscal === true && namesDocument(copy, d.end)),
  );
  const words = wordFigures(copy).filter((w) => !overlapsAny(excluded, w.start, w.end));
  const spans: Span[] = excluded.slice();
  for (const d of dates) spans.push({ start: d.start, end: d.end });
  for (const w of words) spans.push({ start: w.start, end: w.end });
  const claimed = mergeSpans(spans);
  const figures: RawFigure[] = dates.concat(words);
  const numbers = numbersInCopy(copy, lenient).filter(
    (n) =>
      !overlapsAny(claimed, n.start, n.end) &&
      ((!isReference(copy, n.start, n.end) && !isNamePart(copy, n)) ||
        currencyBefore(copy, n.start) !== undefined),
  );
  const classified = numbers.map((n) => classifyNumber(copy, n, lenient));
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    const f = classified[i];
    const next = numbers[i + 1];
    const range =
      n === undefined || next === undefined || f?.kind === 'date'
        ? undefined
        : rangeEnds(copy, n, f, next, classified[i + 1]);
    if (range !== undefined) {
      figures.push(range[0], range[1]);
      i++;
      continue;
    }
    if (f === undefined) continue;
    const cents = f.kind === 'money' && next !== undefined ? withCents(copy, f, next, lenient) : undefined;
    figures.push(cents ?? f);
    if (cents !== undefined) i++;
  }
  figures.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFigure[] = [];
  let lastEnd = -1;
  for (const f of figures) {
    if (f.start < lastEnd) continue;
    out.push(withQualifier(copy, f));
    lastEnd = f.end;
  }
  return withListScale(copy, out);
}

const CENTS_AFTER = /^\s+cents?\b/i;
const JOIN = /^\s+(?:and\s+)?$/i;

/**
 * `3 dollars 50 cents`, `thirteen dollars and forty-five cents`: the cents join the amount before them. In
 * lenient mode a bare trailing number does too (`thirteen dollars forty five`, `C$ 100 and fifty`).
 */
function withCents(
  copy: string,
  money: RawFigure,
  next: NumberSpan,
  lenient: boolean,
): RawFigure | undefined {
  const amount = Number(money.value);
  if (!Number.isInteger(amount) || !Number.isInteger(next.value) || next.value >= 100 || next.value < 0)
    return undefined;
  if (!JOIN.test(copy.slice(money.end, next.start))) return undefined;
  const cents = CENTS_AFTER.exec(copy.slice(next.end, next.end + 8));
  if (cents === null) {
    if (!lenient || classifyNumber(copy, next, lenient) !== undefined) return undefined;
    // Only after `and` or a currency name: `$4.25 and 32 items`, `$ 20,000 37` stay apart.
    if (
      !/\band\b/i.test(copy.slice(money.end, next.start)) &&
      !/[a-z]$/i.test(copy.slice(money.start, money.end))
    )
      return undefined;
  }
  return {
    ...money,
    value: amount + next.value / 100,
    end: cents === null ? next.end : next.end + cents[0].length,
  };
}
