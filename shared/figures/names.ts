/**
 * Numbers that are part of a name: `Agenda 2063`, `Anakonda 16`, `CBJ 2006` (a capitalized word right before
 * the number, mid-sentence), `the Two Samoas` (a capitalized number word mid-sentence), `5+2 talks`.
 */
import type { NumberSpan } from './numbers';

// Capitalized words that start a phrase rather than name something (title-case headings, all-caps text).
const PHRASE_WORDS = new Set(
  (
    'in on at by for from to of and or the a an since until through between during after before over under ' +
    'about around nearly almost approximately some more than only total population per with without within ' +
    'across including estimated some roughly circa is was are were has had have nearly since as ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** True when what ends at `pos` (skipping spaces) starts a sentence, a line or a list item. */
function atSentenceStart(copy: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (copy.charAt(i) === ' ' || copy.charAt(i) === '\t')) i--;
  return i < 0 || /[.!?:;"'(\n•*\-–]/.test(copy.charAt(i));
}

/** True when the number `n` of `copy` belongs to a name rather than measuring anything. */
export function isNamePart(copy: string, n: NumberSpan): boolean {
  if (copy.charAt(n.start - 1) === '+' || copy.charAt(n.end) === '+') return true;
  const first = copy.charCodeAt(n.start);
  if (n.words) return first >= 65 && first <= 90 && !atSentenceStart(copy, n.start);
  if (copy.charAt(n.start - 1) !== ' ') return false;
  let w = n.start - 1;
  while (w > 0 && /[A-Za-z]/.test(copy.charAt(w - 1))) w--;
  const word = copy.slice(w, n.start - 1);
  if (word.length < 2 || !/^(?:[A-Z][a-z]+|[A-Z]{2,})$/.test(word)) return false;
  if (w > 0 && /[A-Za-z0-9.'-]/.test(copy.charAt(w - 1))) return false;
  if (PHRASE_WORDS.has(word.toLowerCase())) return false;
  // An acronym names a thing even at a line start (`CBJ 2006`, `COP 26`).
  return /^[A-Z]{2,}$/.test(word) || !atSentenceStart(copy, w);
}

// Two or more capitalized words (small words allowed between) after a fiscal year, optionally after a colon.
const TITLE_AFTER = /^:?\s+[A-Z][a-z]+(?:\s+(?:in|of|and|the|for|on|to))*\s+[A-Z][a-z]+/;

/**
 * True when the fiscal year ending at `end` is part of a document's name (`the FY 2006 Congressional Budget
 * Justification`, `Fiscal Year 2019: Year in Review`) rather than dating the prose.
 */
export function namesDocument(copy: string, end: number): boolean {
  return TITLE_AFTER.test(copy.slice(end, end + 60));
}
