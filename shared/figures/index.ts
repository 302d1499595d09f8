/**
 * The figure extractor: money, percent, count, date and duration figures of a fact sheet, each tied to its
 * sentence, section and period (DESIGN.md "The parsed document").
 */
import type { Figure, Section } from '../model';
import { matchingCopy } from './matching-copy';
import { sentencePeriod } from './period';
import type { RawFigure } from './raw-figure';
import { scanFigures } from './scan';
import { sentenceSpans, spanIndexAt } from './sentences';

export { extractMoney, extractPercents, type MeasureSpan } from './measures-api';
export { extractNumbers, type NumberOptions, type NumberSpan } from './numbers';

const PERIOD_KINDS = new Set(['money', 'percent', 'count']);

/**
 * Extracts every figure from `text`, in text order, with ids `f1`, `f2`, … Offsets index `text`
 * (`text.slice(start, end) === figure.text`); typographic spaces, quotes and dashes match as their plain
 * forms. Each figure carries the id of the section whose `[start, end)` holds it (else the last section
 * starting before it, else `lead`) and its trimmed sentence. A month and day without a year (`June 7`) takes
 * the year of an earlier full date in the same sentence, and is dropped when there is none. Never throws.
 */
export function extractFigures(text: string, sections: readonly Section[]): Figure[] {
  const copy = matchingCopy(text);
  const sentences = sentenceSpans(copy);
  const raw = scanFigures(copy, false);
  const bySentence = new Map<number, RawFigure[]>();
  for (const f of raw) {
    const si = spanIndexAt(sentences, f.start);
    const list = bySentence.get(si);
    if (list === undefined) bySentence.set(si, [f]);
    else list.push(f);
  }
  const figures: Figure[] = [];
  for (const [si, list] of bySentence) {
    const span = sentences[si];
    const sentence = span === undefined ? '' : text.slice(span.start, span.end).trim();
    const resolved = resolveMonthDays(list);
    const period = sentencePeriod(
      span === undefined ? '' : copy.slice(span.start, span.end),
      resolved.filter((f) => f.kind === 'date'),
    );
    for (const f of resolved) {
      const withPeriod = period !== undefined && PERIOD_KINDS.has(f.kind) ? { ...f, period } : f;
      figures.push({
        id: '',
        ...withPeriod,
        text: text.slice(f.start, f.end),
        sectionId: sectionIdAt(sections, f.start),
        sentence,
      });
    }
  }
  figures.sort((a, b) => a.start - b.start);
  figures.forEach((f, i) => {
    f.id = `f${i + 1}`;
  });
  return figures;
}

/** `June 7` after `May 24, 2021` in the same sentence is 2021-06-07; without a dated figure before it, dropped. */
function resolveMonthDays(list: readonly RawFigure[]): RawFigure[] {
  const out: RawFigure[] = [];
  let year: string | undefined;
  for (const f of list) {
    const v = String(f.value);
    if (f.kind !== 'date') out.push(f);
    else if (v.startsWith('--')) {
      if (year !== undefined) out.push({ ...f, value: `${year}${v.slice(1)}` });
    } else {
      if (f.fiscal !== true) year = v.slice(0, 4);
      out.push(f);
    }
  }
  return out;
}

function sectionIdAt(sections: readonly Section[], pos: number): string {
  let fallback: string | undefined;
  for (const s of sections) {
    if (pos >= s.start && pos < s.end) return s.id;
    if (s.start <= pos) fallback = s.id;
  }
  return fallback ?? sections[0]?.id ?? 'lead';
}

export { extractNumberRanges, type RangeSpan } from './ranges';
