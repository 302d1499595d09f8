/** A run of consecutive non-blank lines: the unit a blank line delimits in plain text. */
export type Chunk = string[];

const BLANK = /^\s*$/u;

/** Splits LF-normalized text into chunks; lines holding only whitespace (NBSP included) are blank. */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = [];
  for (const line of text.split('\n')) {
    if (BLANK.test(line)) {
      if (current.length > 0) chunks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
