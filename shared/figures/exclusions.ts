/**
 * Numbers that are not figures: phone numbers, street addresses, ZIP codes, references (`section 7008`),
 * codes glued to letters (`COVID-19`), list numbering and years naming a law (`Appropriations Act, 2020`).
 */
import { matchSpans, mergeSpans, type Span } from './span';

// Each pattern starts with a digit or a capital pair so the regex engine rejects most positions at once.
const PATTERNS: readonly RegExp[] = [
  // Phone numbers: `202-332-2249`, `(202) 332-2249`, `202.332.2249`.
  /\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b/g,
  // Street addresses: a house number, up to four name words, then a street type and an optional quadrant.
  /\b\d{1,5}\s+(?:[A-Z0-9][\w.']*\s+){1,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Lane|Place|Way|Court|Circle|Highway|Parkway|Square|Terrace)(?![\w])(?:\s+(?:NW|NE|SW|SE)\b)?/g,
  // ZIP codes after a state code: `DC 20008`, `VA 22209-1234`.
  /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/g,
];

// Chart alt text (`Pie chart summarizing …: State Operations: $0.075 billion.`): its numbers restate a
// graphic without saying in prose what they measure; the rest of its line goes with it.
const CHART = /\b(?:Pie|Bar|Line|Column|Donut|Doughnut)\s+(?:chart|graph)\b[^\n]*/g;
// Where a web address shows itself: `//`, `www.` or a top-level domain; the address is grown from there.
const URL_MARK = /\/\/|\bwww\.|\.(?:gov|com|org|net|int|edu|mil)(?![A-Za-z])/g;

function isUrlChar(c: string): boolean {
  return c !== '' && !/[\s)\]"'<>]/.test(c);
}

/** Web addresses (`https://…`, `//2009-2017.state.gov/r/pa/`, `www.example.gov`): one pass, no backtracking. */
function urlSpans(copy: string): Span[] {
  const out: Span[] = [];
  URL_MARK.lastIndex = 0;
  for (let m = URL_MARK.exec(copy); m !== null; m = URL_MARK.exec(copy)) {
    let start = m.index;
    const floor = out[out.length - 1]?.end ?? 0;
    while (start > floor && /[\w.:+-]/.test(copy.charAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < copy.length && isUrlChar(copy.charAt(end))) end++;
    // A sentence's closing period is not part of the address.
    while (end > m.index + m[0].length && /[.,;:]/.test(copy.charAt(end - 1))) end--;
    out.push({ start, end });
    URL_MARK.lastIndex = Math.max(URL_MARK.lastIndex, end);
  }
  return out;
}

/** Spans of `copy` (a matching copy) whose numbers are never figures, sorted and merged; `none` from {@link noFigureSpans}. */
export function excludedSpans(copy: string, none: readonly Span[]): Span[] {
  const spans = PATTERNS.flatMap((p) => matchSpans(p, copy));
  for (const s of none) spans.push(s);
  return mergeSpans(spans);
}

/** Spans of `copy` without any figure at all (web addresses, chart alt text), sorted and merged. */
export function noFigureSpans(copy: string): Span[] {
  const spans = urlSpans(copy);
  for (const s of matchSpans(CHART, copy)) spans.push(s);
  return mergeSpans(spans);
}

// The number names a provision, page or document; it does not measure anything.
const REFERENCE_BEFORE =
  /\b(?:sections?|sec\.|articles?|art\.|paragraphs?|para\.|chapters?|title|rule|resolutions?|regulation|no\.|nos\.|nr\.|page|pages|p\.|pp\.|annex|appendix|clause|public law|p\.l\.)\s+(?:\d[\d.,]*(?:,|\s+and|\s+or)\s+)*$/i;
const TIME_PREFIX = /\b(?:mid|early|late|pre|post)-$/i;
// `Appropriations Act, 2020`, `Code of 1986`.
const LAW_BEFORE = /\b(?:Act|Law|Code)(?:,| of)\s+$/;

/**
 * True when the number at `[start, end)` is a reference or a code rather than a quantity: after `section`,
 * glued to letters (`COVID-19`, `G20`), list numbering at a line start, or the year of a named law.
 */
export function isReference(copy: string, start: number, end: number): boolean {
  const prev = copy.charCodeAt(start - 1);
  const prev2 = copy.charCodeAt(start - 2);
  if (isLetter(prev)) return true;
  // `COVID-19` is a name, but `mid-2020` and `pre-2012` are years.
  if (prev === 45 && isLetter(prev2)) return !TIME_PREFIX.test(copy.slice(Math.max(0, start - 7), start));
  if (
    isLetter(copy.charCodeAt(end)) ||
    // A code such as `388-001` (a zero-led or three-digit part after the dash), not a range `15-17`.
    (copy.charAt(end) === '-' && /^-(?:0\d|\d{3})/.test(copy.slice(end, end + 4)) && end - start >= 3)
  )
    return true;
  const window = copy.slice(Math.max(0, start - 40), start);
  if (REFERENCE_BEFORE.test(window) || LAW_BEFORE.test(window)) return true;
  // List numbering: `1.` or `2)` alone at the start of a line.
  const lineStart = window.lastIndexOf('\n') + 1;
  const after = copy.charAt(end);
  return (
    (after === '.' || after === ')') &&
    /^\s*$/.test(window.slice(lineStart)) &&
    /\s/.test(copy.charAt(end + 1) || ' ')
  );
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
