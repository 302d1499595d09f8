/**
 * Stable figure keys. A figure's `id` is its position in one revision (`f40` may be `f35` in the next);
 * its `key` names the same figure in every revision. A new revision's figures inherit the keys of the
 * figures the diff matches them to in the previous revision (shared/pipeline/diff.ts `matchFigures`:
 * same figure, possibly a changed value or wording); every other figure gets a new key.
 *
 * New keys are revision-scoped, `r{revision}-{position}` (position from 1 in text order): only revision N
 * mints `rN-…` keys, so keys are unique in a sheet and a key dropped from one revision is never given to
 * another figure later, without a counter to keep. Revisions stored before keys existed read with the
 * same provisional keys (`withFigureKeys`), so the next revision inherits from them.
 */
import type { Figure, ParsedSheet } from '../model';
import { matchFigures } from './diff';

/** The key revision `revision` gives its figure at `index` (0-based) when nothing earlier matched it. */
export function newFigureKey(revision: number, index: number): string {
  return `r${revision}-${index + 1}`;
}

/** The pattern every key follows (for path validation). */
export const FIGURE_KEY_PATTERN = /^r[1-9][0-9]{0,7}-[1-9][0-9]{0,5}$/;

/** `figures` with every missing key filled in as revision `revision` would have minted it. */
export function withFigureKeys(figures: readonly Figure[], revision: number): Figure[] {
  if (figures.every((f) => f.key !== undefined)) return figures as Figure[];
  return figures.map((f, i) => (f.key === undefined ? { ...f, key: newFigureKey(revision, i) } : f));
}

/**
 * `sheet` as revision `revision` will publish it: each figure carries the key of its match among
 * `previous` (the figures of revision `revision - 1`, keyed), or a new one. Never mutates its inputs.
 */
export function assignFigureKeys(
  previous: readonly Figure[] | null,
  sheet: ParsedSheet,
  revision: number,
): ParsedSheet {
  const inherited = new Map<Figure, string>();
  if (previous && previous.length > 0) {
    for (const [before, after] of matchFigures(withFigureKeys(previous, revision - 1), sheet.figures).pairs) {
      if (before.key !== undefined) inherited.set(after, before.key);
    }
  }
  const figures = sheet.figures.map((figure, i) => ({
    ...figure,
    key: inherited.get(figure) ?? newFigureKey(revision, i),
  }));
  return { ...sheet, figures };
}

/** A stored revision's sheet with every figure keyed (provisional keys for revisions older than keys). */
export function keyedSheet(sheet: ParsedSheet, revision: number): ParsedSheet {
  const figures = withFigureKeys(sheet.figures, revision);
  return figures === sheet.figures ? sheet : { ...sheet, figures };
}
