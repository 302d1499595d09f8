/**
 * The figure extractor: money, percent, count, date and duration figures of a fact sheet, each tied to its
 * sentence, section and period (docs/architecture.md; the contract is shared/model.ts).
 */
import type { Figure, Section } from '../model';
import { clauseFiscalYear, refersToFiscalYear } from './clause-period';
import { matchingCopy } from './matching-copy';
import { namesFiscalRange, sentencePeriod } from './period';
import type { RawFigure } from './raw-figure';
import { scanFigures } from './scan';
import { sentenceAround } from './sentence-window';
import { sentenceSpans, spanIndexAt } from './sentences';

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
  // The last single fiscal year a sentence of the current section named, for `during the fiscal year`.
  let named: { section: string; year: number } | undefined;
  for (const [si, list] of bySentence) {
    const span = sentences[si] ?? { start: 0, end: 0 };
    const sentenceCopy = copy.slice(span.start, span.end);
    const resolved = resolveMonthDays(list);
    const dates = resolved.filter((f) => f.kind === 'date');
    const fiscal = dates.filter((f) => f.fiscal === true);
    const section = sectionIdAt(sections, list[0]?.start ?? 0);
    const several =
      new Set(fiscal.map((d) => `${d.value}-${d.to ?? ''}`)).size > 1 && !namesFiscalRange(sentenceCopy);
    let period = several ? undefined : sentencePeriod(sentenceCopy, dates);
    if (
      period === undefined &&
      fiscal.length === 0 &&
      named?.section === section &&
      refersToFiscalYear(sentenceCopy)
    )
      period = { fiscalYear: named.year };
    if (period !== undefined && 'fiscalYear' in period && period.fiscalYear !== undefined)
      named = { section, year: period.fiscalYear };
    const measured = resolved.filter((f) => PERIOD_KINDS.has(f.kind));
    let m = 0;
    for (const f of resolved) {
      let own = period;
      if (several && PERIOD_KINDS.has(f.kind)) {
        const prevEnd = measured[m - 1]?.end ?? span.start;
        const nextStart = measured[m + 1]?.start ?? span.end;
        own = clauseFiscalYear(copy, span, f, fiscal, prevEnd, nextStart);
        m++;
      }
      const withPeriod = own !== undefined && PERIOD_KINDS.has(f.kind) ? { ...f, period: own } : f;
      figures.push({
        id: '',
        ...withPeriod,
        text: text.slice(f.start, f.end),
        sectionId: sectionIdAt(sections, f.start),
        sentence: sentenceAround(text, span, f.start, f.end),
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

/** Sections come in text order: a binary search for the last one starting at or before `pos`. */
function sectionIdAt(sections: readonly Section[], pos: number): string {
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sections[mid]?.start ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return sections[lo - 1]?.id ?? sections[0]?.id ?? 'lead';
}
