import { parseDateLine } from '../header-lines';
import { endsSentence } from '../inline-text';

/** Bullet marks, and list numbering ("1.", "2)") that is not part of the item's text. */
const BULLET = /^\s*(?:[•◦▪‣●·*–-]|\d{1,2}[.)])\s+(?=\S)|^\s*[-–](?=\p{Lu})/u;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'under',
  'vs',
  'with',
  'about',
  'after',
  'among',
  'between',
  'but',
  'nor',
  'over',
  'per',
  'through',
  'toward',
  'towards',
  'via',
  'within',
  'without',
]);

/**
 * "• item", "- item", "-Item", "* item", "1. item": the marker's length, or 0 for an ordinary line. A dash
 * fused to a capital ("-Protecting") is a bullet too; fused to anything else ("-5 degrees") it is not.
 */
export function bulletLength(line: string): number {
  return BULLET.exec(line)?.[0].length ?? 0;
}

/**
 * A heading candidate: a short, title-like line ("U.S. Assistance to Mali", "U.S.-KENYA RELATIONS") — at
 * most 12 words (a lone dash is no word), no sentence punctuation at the end, every word capitalized except small words.
 */
export function isTitleLike(line: string): boolean {
  const value = line.trim();
  if (value.length < 2 || value.length > 100 || headingWords(value) > 12) return false;
  if (endsSentence(value) || /[,;]$/u.test(value) || bulletLength(value) > 0) return false;
  if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(value) || parseDateLine(value) !== null) return false;
  return value.split(/\s+/u).every((word, index) => {
    if (!/\p{L}/u.test(word)) return true;
    if (index > 0 && SMALL_WORDS.has(word.toLowerCase())) return true;
    return /^[^\p{L}]*[\p{Lu}]/u.test(word);
  });
}

/** Words of a heading candidate, not counting lone punctuation (" – "); stops counting after 13. */
function headingWords(value: string): number {
  let count = 0;
  for (const token of value.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token) && ++count > 12) break;
  }
  return count;
}

/** A line short enough to be an entry in a list of links or names (not a wrapped sentence). */
export function isShortLine(line: string): boolean {
  const value = line.trim();
  return value.length > 0 && value.length <= 100 && !endsSentence(value);
}

/** Words a paragraph needs before a missing full stop means "continued below" rather than "a label". */
export const PROSE_WORDS = 8;
