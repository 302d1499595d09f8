/**
 * Whitespace rules for the normalized text: runs of ASCII whitespace (spaces, tabs, line breaks) inside a
 * block become one space; NBSP, narrow NBSP and other Unicode spaces stay as written so `text` is faithful.
 */
const ASCII_SPACE_RUN = /[ \t\n\r\f\v]+/g;

/** Collapses ASCII whitespace runs to one space and trims every kind of whitespace at both ends. */
export function collapseSpaces(value: string): string {
  return value.replace(ASCII_SPACE_RUN, ' ').trim();
}

const SENTENCE_END = /[.!?…:][\s"'”’)\]]*$/u;

/** True when the text ends like a finished sentence (or a list introducer ending in a colon). */
export function endsSentence(value: string): boolean {
  // Only the tail matters; testing a suffix keeps repeated checks on a growing paragraph linear.
  return SENTENCE_END.test(value.length > 16 ? value.slice(-16).trimEnd() : value);
}

const WORD = /\S+/gu;

/**
 * Counts whitespace-separated words (NBSP separates too), stopping once `limit` is reached so checks such
 * as "at least 8 words" cost the same on a sentence and on a megabyte.
 */
export function wordCount(value: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (count < limit && WORD.exec(value) !== null) count++;
  return count;
}
