/** Sentence boundaries: a `.`, `!` or `?` before whitespace and a capital, or a line break. */
import type { Span } from './span';

// Words that end in a period without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nos',
  'inc',
  'co',
  'corp',
  'ltd',
  'jr',
  'sr',
  'vs',
  'etc',
  'tel',
  'gov',
  'gen',
  'sen',
  'rep',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'dept',
  'fig',
  'vol',
  'pp',
  'nr',
  'mt',
  'ft',
]);

// A sentence may start with a currency sign too (`$5 million was pledged.`).
const CANDIDATE = /[.!?]["')\]]*(?=[ \t]+["'([•]?[A-Z0-9$€£¥])|\n/g;

/** Sentence spans covering `copy` in order (whitespace included; callers trim). */
export function sentenceSpans(copy: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(copy); m !== null; m = CANDIDATE.exec(copy)) {
    const end = m.index + m[0].length;
    if (m[0] === '.' && isAbbreviation(copy, m.index)) continue;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < copy.length) spans.push({ start, end: copy.length });
  return spans;
}

function isAbbreviation(copy: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(copy.charAt(i - 1))) i--;
  const word = copy.slice(i, dot);
  // `U.S.`, `e.g.`, a lone initial: letters separated by periods.
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Index of the span holding `pos` (binary search), or -1. */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s === undefined) return -1;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
