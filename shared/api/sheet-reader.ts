/**
 * Read side of the API with the warm-Lambda caches. Revisions are immutable, so they are kept in a bounded
 * LRU forever; only the latest-revision pointer (META) and cross-sheet figure pages can change, and those
 * are reused for at most `maxAgeSeconds` — the same max-age Cache-Control gives clients.
 */
import { NotFoundError } from '../errors';
import type {
  FigureQuery,
  LatestFigure,
  Page,
  SheetErrorRecord,
  SheetMeta,
  SheetRepository,
  StoredRevision,
} from '../store/ports';
import { AsyncCache } from './cache';

/** 404 for a sheet that has no published revision; carries the error that kept it from publishing. */
export class SheetNotPublishedError extends NotFoundError {
  constructor(
    readonly sheetId: string,
    readonly lastError?: SheetErrorRecord,
  ) {
    super(
      lastError
        ? `Sheet "${sheetId}" has no published revision; its last input was refused (${lastError.reason})`
        : `Sheet "${sheetId}" does not exist`,
    );
  }
}

export interface SheetReaderOptions {
  /** How long META and figure-query pages may be reused (0: coalesce concurrent reads only). */
  maxAgeSeconds: number;
  /** Immutable revisions kept in memory. */
  revisionCacheSize?: number;
  now?: () => number;
}

export class SheetReader {
  private readonly metas: AsyncCache<SheetMeta | null>;
  private readonly revisions: AsyncCache<StoredRevision | null>;
  private readonly figurePages: AsyncCache<Page<LatestFigure>>;

  constructor(
    private readonly repo: SheetRepository,
    options: SheetReaderOptions,
  ) {
    const ttl = options.maxAgeSeconds * 1000;
    this.metas = new AsyncCache(10_000, ttl, options.now);
    this.revisions = new AsyncCache(options.revisionCacheSize ?? 200, Number.POSITIVE_INFINITY, options.now);
    this.figurePages = new AsyncCache(1_000, ttl, options.now);
  }

  /** META of a published sheet. Throws SheetNotPublishedError (404). */
  async meta(id: string): Promise<SheetMeta> {
    const meta = await this.metas.get(id, () => this.repo.getMeta(id));
    if (meta && meta.latestRevision >= 1) return meta;
    throw new SheetNotPublishedError(id, meta?.lastError ?? (await this.lastError(id)));
  }

  /** One revision (immutable: cached without expiry). Throws NotFoundError. */
  async revision(id: string, revision: number): Promise<StoredRevision> {
    const key = `${id}#${revision}`;
    const stored = await this.revisions.get(key, () => this.repo.getRevision(id, revision));
    if (stored) return stored;
    // A miss is not immutable (the revision may be published a moment later): do not keep it.
    this.revisions.invalidate(key);
    throw new NotFoundError(`Sheet "${id}" has no revision ${revision}`);
  }

  /** META plus its latest revision. */
  async latest(id: string): Promise<{ meta: SheetMeta; revision: StoredRevision }> {
    const meta = await this.meta(id);
    return { meta, revision: await this.revision(id, meta.latestRevision) };
  }

  queryFigures(query: FigureQuery): Promise<Page<LatestFigure>> {
    const key = JSON.stringify([query.kind, query.fiscalYear, query.country, query.limit, query.cursor]);
    return this.figurePages.get(key, () => this.repo.queryLatestFigures(query));
  }

  /** Forget a sheet's META after this process changed it. */
  invalidate(id: string): void {
    this.metas.invalidate(id);
  }

  private async lastError(id: string): Promise<SheetErrorRecord | undefined> {
    const page = await this.repo.listErrors(id, { limit: 1 });
    return page.items[0];
  }
}
