/**
 * The sentence a figure keeps: the whole sentence when it is short, else at most {@link SENTENCE_CAP}
 * characters around the figure, cut at word boundaries. A run-on paragraph without sentence breaks (a
 * flattened table, a hostile upload) costs each figure a bounded string, so storage stays linear in input.
 */
import type { Span } from './span';

/** The longest `sentence` a figure carries, in characters. */
export const SENTENCE_CAP = 300;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}

/** The trimmed sentence of `text` in `span` holding the figure `[start, end)`, capped around it. */
export function sentenceAround(text: string, span: Span, start: number, end: number): string {
  let from = span.start;
  let to = span.end;
  while (from < start && isSpace(text.charAt(from))) from++;
  while (to > end && isSpace(text.charAt(to - 1))) to--;
  if (to - from <= SENTENCE_CAP) return text.slice(from, to);
  const room = Math.max(0, SENTENCE_CAP - (end - start));
  let before = Math.min(start - from, room >> 1);
  const after = Math.min(to - end, room - before);
  before = Math.min(start - from, room - after);
  let lo = start - before;
  let hi = end + after;
  // Cut at word boundaries, never into the figure.
  if (lo > from && !isSpace(text.charAt(lo - 1))) {
    let k = lo;
    while (k < start && !isSpace(text.charAt(k))) k++;
    lo = k < start ? k : lo;
  }
  if (hi < to && !isSpace(text.charAt(hi))) {
    let k = hi;
    while (k > end && !isSpace(text.charAt(k - 1))) k--;
    hi = k > end ? k : hi;
  }
  while (lo < start && isSpace(text.charAt(lo))) lo++;
  while (hi > end && isSpace(text.charAt(hi - 1))) hi--;
  return text.slice(lo, hi);
}
