/** Where each figure sits in a block of text: by its offset when that matches the text, else by search. */
import type { Figure } from './types';

export interface Placed {
  figure: Figure;
  /** Relative to the block's text. */
  start: number;
  end: number;
}

/** Figures inside `text`, ordered and non-overlapping, at positions relative to `text`. */
export function placeFigures(text: string, figures: readonly Figure[], offset?: number): Placed[] {
  const ordered = [...figures].sort((a, b) => a.start - b.start);
  const placed: Placed[] = [];
  let cursor = 0;
  for (const figure of ordered) {
    let start = -1;
    if (offset !== undefined) {
      const relative = figure.start - offset;
      if (relative < 0 || figure.end - offset > text.length) continue;
      if (text.slice(relative, relative + figure.text.length) === figure.text) start = relative;
    }
    if (start < cursor) start = figure.text ? text.indexOf(figure.text, cursor) : -1;
    if (start < 0) continue;
    placed.push({ figure, start, end: start + figure.text.length });
    cursor = start + figure.text.length;
  }
  return placed;
}
