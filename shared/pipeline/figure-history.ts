/**
 * One figure followed through a sheet's revisions by its key (shared/pipeline/figure-keys.ts): an entry
 * for every revision that holds it, saying how it changed against the revision before, and one `removed`
 * entry for the revision that dropped it. Keys are never reused, so nothing comes after a removal.
 */
import type { Figure, Period, Qualifier } from '../model';
import { figureChanged } from './diff';

export type FigureChange = 'added' | 'changed' | 'unchanged' | 'removed';

export interface FigureHistoryEntry {
  revision: number;
  publishedAt: string;
  change: FigureChange;
  /** For `removed`: the figure as the revision before had it. */
  value: number | string;
  unit?: string;
  qualifier?: Qualifier;
  period?: Period;
  text: string;
  sentence: string;
  sectionId: string;
}

/** A revision as history needs it: its number, when it was published, its (keyed) figures. */
export interface RevisionFigures {
  revision: number;
  publishedAt: string;
  figures: readonly Figure[];
}

function entry(figure: Figure, revision: RevisionFigures, change: FigureChange): FigureHistoryEntry {
  const { value, unit, qualifier, period, text, sentence, sectionId } = figure;
  return {
    revision: revision.revision,
    publishedAt: revision.publishedAt,
    change,
    value,
    ...(unit !== undefined && { unit }),
    ...(qualifier !== undefined && { qualifier }),
    ...(period !== undefined && { period }),
    text,
    sentence,
    sectionId,
  };
}

/** The history of `key` over `revisions` (oldest first); empty when no revision ever held it. */
export function figureHistory(revisions: readonly RevisionFigures[], key: string): FigureHistoryEntry[] {
  const entries: FigureHistoryEntry[] = [];
  let last: Figure | undefined;
  for (const revision of revisions) {
    const figure = revision.figures.find((f) => f.key === key);
    if (!figure) {
      if (last) {
        entries.push(entry(last, revision, 'removed'));
        break;
      }
      continue;
    }
    const change = !last ? 'added' : figureChanged([last, figure]) ? 'changed' : 'unchanged';
    entries.push(entry(figure, revision, change));
    last = figure;
  }
  return entries;
}
