/**
 * In-memory SheetRepository for domain tests: the same observable semantics as DynamoSheetRepository
 * (conditional META flip → RevisionConflictError, META absent until revision 1, errors newest first,
 * revisions newest first, cursors validated), without a network.
 */
import { RevisionConflictError, ValidationError } from '../../../shared/errors';
import type { Figure, Section } from '../../../shared/model';
import { withFigureKeys } from '../../../shared/pipeline/figure-keys';
import { checkLimit, decodeCursor, encodeCursor } from '../../../shared/store/cursor';
import { figureMatches, figurePosition, parsePosition } from '../../../shared/store/figure-index';
import type {
  FigureQuery,
  LatestFigure,
  Page,
  PageRequest,
  PublishInput,
  RevisionHeader,
  SheetErrorRecord,
  SheetMeta,
  SheetRepository,
  StoredRevision,
} from '../../../shared/store/ports';
import { headerBody } from '../../../shared/store/revision-items';

interface SheetState {
  meta: SheetMeta | null;
  revisions: Map<number, StoredRevision>;
  errors: SheetErrorRecord[];
}

const clone = <T>(value: T): T => structuredClone(value);

/** Pages an in-memory list with the same opaque, validated cursors the DynamoDB adapter uses. */
function pageOf<T>(all: readonly T[], page: PageRequest, scope: string): Page<T> {
  const limit = checkLimit(page.limit);
  const start =
    page.cursor === undefined
      ? 0
      : Number(decodeCursor(page.cursor, { keys: ['scope', 'offset'], fixed: { scope } }).offset);
  if (!Number.isInteger(start) || start < 0) throw new ValidationError('Invalid cursor', 'cursor');
  const items = all.slice(start, start + limit);
  const next =
    start + limit < all.length ? encodeCursor({ scope, offset: String(start + limit) }) : undefined;
  return { items: clone(items), ...(next !== undefined && { nextCursor: next }) };
}

export class InMemorySheetRepository implements SheetRepository {
  private readonly sheets = new Map<string, SheetState>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async getMeta(id: string): Promise<SheetMeta | null> {
    const meta = this.sheets.get(id)?.meta;
    return meta ? clone(meta) : null;
  }

  async listSheets(page: PageRequest): Promise<Page<SheetMeta>> {
    const metas = [...this.sheets.values()].flatMap((s) => (s.meta ? [s.meta] : []));
    metas.sort((a, b) => (a.id < b.id ? -1 : 1));
    return pageOf(metas, page, 'sheets');
  }

  async getRevisionHeader(id: string, revision: number): Promise<RevisionHeader | null> {
    const found = this.sheets.get(id)?.revisions.get(revision);
    return found ? clone(found.header) : null;
  }

  async getRevision(id: string, revision: number): Promise<StoredRevision | null> {
    const found = this.sheets.get(id)?.revisions.get(revision);
    return found ? clone(found) : null;
  }

  async getSections(id: string, revision: number): Promise<Section[]> {
    return (await this.getRevision(id, revision))?.sheet.sections ?? [];
  }

  async getFigures(id: string, revision: number): Promise<Figure[]> {
    return (await this.getRevision(id, revision))?.sheet.figures ?? [];
  }

  async listRevisions(id: string, page: PageRequest): Promise<Page<RevisionHeader>> {
    const revisions = [...(this.sheets.get(id)?.revisions.values() ?? [])].map((r) => r.header);
    revisions.sort((a, b) => b.revision - a.revision);
    return pageOf(revisions, page, `revisions:${id}`);
  }

  async publishRevision(input: PublishInput): Promise<number> {
    const { sheet } = input;
    const state = this.state(sheet.id);
    await input.ready;
    await this.beforeFlip(sheet.id, input.expectedLatest + 1);
    const current = state.meta?.latestRevision ?? 0;
    if (current !== input.expectedLatest) {
      throw new RevisionConflictError(
        `Sheet ${sheet.id}: revision ${input.expectedLatest + 1} was published by another writer`,
      );
    }
    const revision = current + 1;
    const at = this.now().toISOString();
    const counts = { sections: sheet.sections.length, figures: sheet.figures.length };
    const header: RevisionHeader = {
      id: sheet.id,
      revision,
      sourceHash: sheet.sourceHash,
      archiveKey: input.archiveKey,
      parserVersion: sheet.parserVersion,
      contentType: sheet.contentType,
      reason: input.reason,
      createdAt: at,
      title: sheet.title,
      country: sheet.country,
      counts,
      diff: input.diff,
    };
    // Stored exactly as the DynamoDB adapter would store it (an outsized diff loses its figure lists).
    state.revisions.set(revision, clone({ header: headerBody(header, sheet).header, sheet }));
    state.meta = {
      id: sheet.id,
      latestRevision: revision,
      title: sheet.title,
      country: sheet.country,
      bureau: sheet.bureau,
      publishedOn: sheet.publishedOn,
      contentType: sheet.contentType,
      sourceHash: sheet.sourceHash,
      parserVersion: sheet.parserVersion,
      counts,
      createdAt: state.meta?.createdAt ?? at,
      updatedAt: at,
      projectedRevision: revision,
      // As the DynamoDB flip does: an outbox of one until the event is on the bus (markAnnounced).
      unannouncedRevision: revision,
      ...(state.meta?.lastError && { lastError: state.meta.lastError }),
    };
    await input.onVisible?.(revision);
    return revision;
  }

  async recordError(id: string, error: SheetErrorRecord): Promise<void> {
    const state = this.state(id);
    state.errors.unshift(clone(error));
    if (state.meta) state.meta.lastError = clone(error);
  }

  async listErrors(id: string, page: PageRequest): Promise<Page<SheetErrorRecord>> {
    return pageOf(this.sheets.get(id)?.errors ?? [], page, `errors:${id}`);
  }

  async queryLatestFigures(query: FigureQuery): Promise<Page<LatestFigure>> {
    const limit = checkLimit(query.limit);
    const after = query.cursor === undefined ? undefined : query.cursor;
    if (after !== undefined) parsePosition(after);
    const named = query.sheets === undefined ? undefined : new Set(query.sheets);
    const matches: { position: string; figure: LatestFigure }[] = [];
    for (const id of [...this.sheets.keys()].sort()) {
      const state = this.sheets.get(id);
      const latest = state?.meta ? state.revisions.get(state.meta.latestRevision) : undefined;
      if (!state?.meta || !latest || (named && !named.has(id))) continue;
      const { country, publishedOn } = state.meta;
      const revision = latest.header.revision;
      const headings = new Map(latest.sheet.sections.map((s) => [s.id, s.heading]));
      withFigureKeys(latest.sheet.figures, revision).forEach((figure, n) => {
        const position = figurePosition(id, n);
        if ((after !== undefined && position <= after) || !figureMatches(query, figure, country)) return;
        const sectionHeading = headings.get(figure.sectionId) ?? null;
        matches.push({
          position,
          figure: { ...figure, sheetId: id, revision, country, sectionHeading, publishedOn },
        });
      });
    }
    const page = matches.slice(0, limit);
    const last = page.at(-1);
    return {
      items: clone(page.map((m) => m.figure)),
      ...(matches.length > limit && last && { nextCursor: last.position }),
    };
  }

  async finalizeLatest(_id: string): Promise<void> {}

  async markAnnounced(id: string, revision: number): Promise<void> {
    const meta = this.sheets.get(id)?.meta;
    if (meta?.unannouncedRevision === revision) delete meta.unannouncedRevision;
  }

  /** Test seam, as in DynamoSheetRepository: runs before the conditional flip. */
  protected async beforeFlip(_id: string, _revision: number): Promise<void> {}

  private state(id: string): SheetState {
    let state = this.sheets.get(id);
    if (!state) {
      state = { meta: null, revisions: new Map(), errors: [] };
      this.sheets.set(id, state);
    }
    return state;
  }
}
