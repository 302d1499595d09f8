/**
 * Reads behind the figure routes: a sheet's revisions as history needs them, export rows (section heading,
 * publishedOn) for figures, and the one-figure lookup that tells "removed in revision N" from "never".
 * Everything goes through the SheetReader, so immutable revisions are read once per warm process.
 */
import { NotFoundError, ValidationError } from '../errors';
import type { Figure } from '../model';
import { type FigureHistoryEntry, figureHistory, type RevisionFigures } from '../pipeline/figure-history';
import type { LatestFigure } from '../store/ports';
import type { RouteDeps } from './definition';
import type { ExportRow } from './figure-export';

/** 404 for a key the latest revision no longer holds; says which revision dropped it. */
export class FigureRemovedError extends NotFoundError {
  constructor(
    sheetId: string,
    key: string,
    readonly removedInRevision: number,
  ) {
    super(`Sheet "${sheetId}" has no figure "${key}" since revision ${removedInRevision}, which removed it`);
  }
}

/** Revisions read per history request, at most (newest kept): bounds one request's work. */
export const MAX_HISTORY_REVISIONS = 1000;

/** Every revision of a sheet up to the latest, oldest first, with its keyed figures. */
export async function revisionFigures(
  deps: RouteDeps,
  id: string,
  latest: number,
): Promise<RevisionFigures[]> {
  const first = Math.max(1, latest - MAX_HISTORY_REVISIONS + 1);
  const numbers = Array.from({ length: latest - first + 1 }, (_, i) => first + i);
  const revisions: RevisionFigures[] = [];
  // A few at a time: concurrent enough to hide latency, bounded so one request cannot flood the store.
  for (let i = 0; i < numbers.length; i += 8) {
    const batch = await Promise.all(numbers.slice(i, i + 8).map((n) => deps.reader.revision(id, n)));
    for (const stored of batch) {
      revisions.push({
        revision: stored.header.revision,
        publishedAt: stored.header.createdAt,
        figures: stored.sheet.figures,
      });
    }
  }
  return revisions;
}

/** The history of one key; a key no revision ever held is a 404. */
export async function historyOf(deps: RouteDeps, id: string, key: string): Promise<FigureHistoryEntry[]> {
  const meta = await deps.reader.meta(id);
  const entries = figureHistory(await revisionFigures(deps, id, meta.latestRevision), key);
  if (entries.length === 0) throw new NotFoundError(`Sheet "${id}" has no figure "${key}" in any revision`);
  return entries;
}

/** The figure `key` in the latest revision, or a 404 saying when it was removed. */
export async function latestFigure(
  deps: RouteDeps,
  id: string,
  key: string,
): Promise<{ revision: number; figure: Figure }> {
  const { meta, revision } = await deps.reader.latest(id);
  const figure = revision.sheet.figures.find((f) => f.key === key);
  if (figure) return { revision: meta.latestRevision, figure };
  const last = (await historyOf(deps, id, key)).at(-1)!;
  throw new FigureRemovedError(id, key, last.revision);
}

/** Export rows for figures of one revision (section headings from that revision). */
export async function sheetRows(
  deps: RouteDeps,
  id: string,
  revisionNumber: number,
  figures: readonly Figure[],
): Promise<ExportRow[]> {
  const { sheet } = await deps.reader.revision(id, revisionNumber);
  const headings = new Map(sheet.sections.map((s) => [s.id, s.heading]));
  return figures.map((figure) => ({
    figure,
    sheetId: id,
    country: sheet.country,
    revision: revisionNumber,
    sectionHeading: headings.get(figure.sectionId) ?? null,
    publishedOn: sheet.publishedOn,
  }));
}

/**
 * Export rows for figures of many sheets: heading and publishedOn come with each figure from the
 * projection; only figures projected before they were kept cost a read of their revision (once per sheet).
 */
export async function crossSheetRows(
  deps: RouteDeps,
  figures: readonly LatestFigure[],
): Promise<ExportRow[]> {
  const revisions = new Map<string, ReturnType<RouteDeps['reader']['revision']>>();
  const revisionOf = (f: LatestFigure) => {
    const k = `${f.sheetId}#${f.revision}`;
    const found = revisions.get(k) ?? deps.reader.revision(f.sheetId, f.revision);
    revisions.set(k, found);
    return found;
  };
  return Promise.all(
    figures.map(async (f) => {
      const { sheetId, revision, country, sectionHeading, publishedOn, ...figure } = f;
      const row = { figure, sheetId, country, revision };
      if (sectionHeading !== undefined && publishedOn !== undefined) {
        return { ...row, sectionHeading, publishedOn };
      }
      const { sheet } = await revisionOf(f);
      const heading = sheet.sections.find((s) => s.id === f.sectionId)?.heading ?? null;
      return { ...row, sectionHeading: heading, publishedOn: sheet.publishedOn };
    }),
  );
}

/** Offset cursors of a sheet's figure list pin the revision they started on (immutable, so pages agree). */
export function sheetFigureCursor(revision: number, offset: number): string {
  return `${revision}:${offset}`;
}

export function parseSheetFigureCursor(value: string): { revision: number; offset: number } {
  const match = /^([1-9]\d{0,7}):(\d{1,7})$/.exec(value);
  if (!match)
    throw new ValidationError('cursor is not a cursor this list returned; start again without it', 'cursor');
  return { revision: Number(match[1]), offset: Number(match[2]) };
}
