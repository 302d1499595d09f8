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
  return SENTENCE_END.test(value);
}

/** Counts words the way the heuristics need: whitespace-separated tokens (NBSP counts as a separator). */
export function wordCount(value: string): number {
  const trimmed = value.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}
