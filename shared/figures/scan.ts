/** One pass over a matching copy: dates first, then every other number classified by its context. */
import { extractDates } from './dates';
import { excludedSpans, isReference } from './exclusions';
import { classifyNumber, withQualifier } from './measures';
import { numbersInCopy } from './numbers';
import type { RawFigure } from './raw-figure';
import { mergeSpans, overlapsAny } from './span';

/**
 * Every figure of `copy` in text order, without overlaps. Month-day dates (`June 7`) come back with a
 * `--MM-DD` value for the caller to resolve against its sentence.
 */
export function scanFigures(copy: string, lenient: boolean): RawFigure[] {
  const excluded = excludedSpans(copy);
  const dates = extractDates(copy).filter((d) => !overlapsAny(excluded, d.start, d.end) || d.fiscal === true);
  const claimed = mergeSpans([...excluded, ...dates.map((d) => ({ start: d.start, end: d.end }))]);
  const figures: RawFigure[] = [...dates];
  for (const n of numbersInCopy(copy, lenient)) {
    if (overlapsAny(claimed, n.start, n.end) || isReference(copy, n.start, n.end)) continue;
    const f = classifyNumber(copy, n, lenient);
    if (f !== undefined) figures.push(f);
  }
  figures.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFigure[] = [];
  let lastEnd = -1;
  for (const f of figures) {
    if (f.start < lastEnd) continue;
    out.push(withQualifier(copy, f));
    lastEnd = f.end;
  }
  return out;
}
