/**
 * Read side of the API with the warm-Lambda caches. Revisions are immutable, so they are kept in an LRU
 * bounded by their estimated size (not their count: one revision of a sheet near the source limit is
 * several MB); only the latest-revision pointer (META) and cross-sheet figure pages can change, and those
 * are reused for at most `maxAgeSeconds` from the start of their read — the max-age Cache-Control gives
 * clients. Each request reads through a view (`forRequest`) that records how old the data it used is
 * (its ReadBasis), so the router keeps the finished response only while that data is within max-age.
 */
import { NotFoundError } from '../errors';
import { keyedSheet } from '../pipeline/figure-keys';
import type {
  FigureQuery,
  LatestFigure,
  Page,
  SheetErrorRecord,
  SheetMeta,
  SheetRepository,
  StoredRevision,
} from '../store/ports';
import { AsyncCache, type ReadBasis } from './cache';
import { MetaBatcher } from './meta-batcher';
import { type SectionSummary, sectionSummaries } from './views';

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

export const DEFAULT_REVISION_CACHE_BYTES = 64 * 1024 * 1024;
export const DEFAULT_REVISION_CACHE_ENTRIES = 100_000;
const FIGURE_PAGE_CACHE_BYTES = 16 * 1024 * 1024;
/**
 * Section outlines (what GET /sheets/{id} shows besides META): about 1 KB per sheet against ~90 KB for its
 * whole revision, so thousands of sheets stay answerable from memory after their revisions are evicted.
 */
const OUTLINE_CACHE_BYTES = 16 * 1024 * 1024;

/** Fixed cost assumed per object (section, block, list item, figure) besides its strings. */
const OBJECT_OVERHEAD_BYTES = 160;

/**
 * The heap a stored revision takes, roughly: 2 bytes per character of every string it holds (text, block
 * texts, figure texts and sentences — V8 keeps strings with any non-Latin-1 character as UTF-16) plus a
 * fixed cost per object. Linear in the items, no serialization; never below the revision's JSON length.
 */
export function estimateRevisionBytes(stored: StoredRevision): number {
  const { sheet } = stored;
  let chars = sheet.text.length + JSON.stringify(stored.header).length;
  let objects = 1;
  for (const section of sheet.sections) {
    objects++;
    chars += section.id.length + (section.heading?.length ?? 0);
    for (const block of section.blocks) {
      objects++;
      if (block.type === 'paragraph') {
        chars += block.text.length;
        continue;
      }
      for (const item of block.items) {
        objects++;
        chars += item.text.length + (item.href?.length ?? 0);
      }
    }
  }
  for (const figure of sheet.figures) {
    objects++;
    chars += figure.id.length + figure.text.length + figure.sentence.length + figure.sectionId.length;
    chars += String(figure.value).length + (figure.unit?.length ?? 0);
  }
  return 2 * chars + OBJECT_OVERHEAD_BYTES * objects + 4_096;
}

export interface SheetReaderOptions {
  /** How long META and figure-query pages may be reused (0: coalesce concurrent reads only). */
  maxAgeSeconds: number;
  /**
   * Immutable revisions kept in memory, at most. The byte bound is what limits the cache; this default
   * (100,000) only caps bookkeeping, so thousands of small sheets all stay warm.
   */
  revisionCacheSize?: number;
  /** Estimated bytes of the revisions kept in memory, at most (default 64 MiB). */
  revisionCacheBytes?: number;
  now?: () => number;
}

/** How one request reads (see SheetReader.forRequest). */
export interface ReadOptions {
  /** Read META and figure pages from the store (`Cache-Control: no-cache`); revisions stay cached. */
  fresh?: boolean;
  /**
   * A refresh ahead of expiry: META and figure pages kept longer than this are read again, and META reads
   * may wait a moment to share one batch call with other refreshes (nobody is waiting for them).
   */
  refreshOlderThanMs?: number;
  /** Lowered to the start of the oldest META or figure-page read the request used. */
  basis?: ReadBasis;
}

export class SheetReader {
  private readonly metas: AsyncCache<SheetMeta | null>;
  private readonly revisions: AsyncCache<StoredRevision | null>;
  private readonly figurePages: AsyncCache<Page<LatestFigure>>;
  private readonly outlines: AsyncCache<SectionSummary[]>;
  private readonly metaReads: MetaBatcher;

  constructor(
    private readonly repo: SheetRepository,
    options: SheetReaderOptions,
  ) {
    const ttl = options.maxAgeSeconds * 1000;
    this.metas = new AsyncCache(10_000, ttl, options.now);
    this.metaReads = new MetaBatcher(repo);
    const revisionBytes = options.revisionCacheBytes ?? DEFAULT_REVISION_CACHE_BYTES;
    this.revisions = new AsyncCache(
      options.revisionCacheSize ?? DEFAULT_REVISION_CACHE_ENTRIES,
      Number.POSITIVE_INFINITY,
      options.now,
      {
        maxBytes: revisionBytes,
        // One huge revision may be kept (every read of that sheet needs it), but not one that alone would
        // push out most of the others.
        maxEntryBytes: revisionBytes / 2,
        sizeOf: (stored) => (stored ? estimateRevisionBytes(stored) : 0),
      },
    );
    // Pages are at most 100 figures, but each carries its sentence: bound them by bytes too (expired pages
    // stay until evicted). Serializing ≤ 100 figures once per store read is cheap.
    this.figurePages = new AsyncCache(1_000, ttl, options.now, {
      maxBytes: FIGURE_PAGE_CACHE_BYTES,
      sizeOf: (page) => 2 * JSON.stringify(page).length,
    });
    this.outlines = new AsyncCache(DEFAULT_REVISION_CACHE_ENTRIES, Number.POSITIVE_INFINITY, options.now, {
      maxBytes: OUTLINE_CACHE_BYTES,
      maxEntryBytes: OUTLINE_CACHE_BYTES / 4,
      sizeOf: (outline) => 2 * JSON.stringify(outline).length + OBJECT_OVERHEAD_BYTES,
    });
  }

  /** Set on the views `forRequest()` returns. */
  private readOptions: ReadOptions = {};

  /**
   * A view of this reader for one request, sharing its caches. A fresh view reads META and figure pages
   * from the store (the fresh value replaces the shared entry); immutable revisions stay cached.
   */
  forRequest(options: ReadOptions): SheetReader {
    const view = Object.create(this) as SheetReader;
    view.readOptions = options;
    return view;
  }

  /** META of a published sheet. Throws SheetNotPublishedError (404). */
  async meta(id: string): Promise<SheetMeta> {
    const { fresh, refreshOlderThanMs, basis } = this.readOptions;
    if (fresh) this.metas.invalidate(id);
    const lazy = refreshOlderThanMs !== undefined;
    const meta = await this.metas.get(id, () => this.metaReads.load(id, { lazy }), {
      maxAgeMs: refreshOlderThanMs,
      basis,
    });
    if (meta && meta.latestRevision >= 1) return meta;
    // A miss is never reused: the 404 says no-store, and the sheet may publish a moment later.
    this.metas.invalidate(id);
    throw new SheetNotPublishedError(id, meta?.lastError ?? (await this.lastError(id)));
  }

  /** One revision (immutable: cached without expiry). Throws NotFoundError. */
  async revision(id: string, revision: number): Promise<StoredRevision> {
    const key = `${id}#${revision}`;
    const stored = await this.revisions.get(key, async () => {
      const found = await this.repo.getRevision(id, revision);
      return found && { ...found, sheet: keyedSheet(found.sheet, revision) };
    });
    if (stored) return stored;
    // A miss is not immutable (the revision may be published a moment later): do not keep it.
    this.revisions.invalidate(key);
    throw new NotFoundError(`Sheet "${id}" has no revision ${revision}`);
  }

  /**
   * The section outline of one revision (immutable, like the revision: cached without expiry, kept apart
   * from it so evicting a revision does not evict its outline). Throws NotFoundError.
   */
  outline(id: string, revision: number): Promise<SectionSummary[]> {
    return this.outlines.get(`${id}#${revision}`, async () =>
      sectionSummaries(await this.revision(id, revision)),
    );
  }

  /** META plus its latest revision. */
  async latest(id: string): Promise<{ meta: SheetMeta; revision: StoredRevision }> {
    const meta = await this.meta(id);
    return { meta, revision: await this.revision(id, meta.latestRevision) };
  }

  queryFigures(query: FigureQuery): Promise<Page<LatestFigure>> {
    const key = JSON.stringify([
      query.kind,
      query.fiscalYear,
      query.country,
      query.sheets,
      query.limit,
      query.cursor,
    ]);
    const { fresh, refreshOlderThanMs, basis } = this.readOptions;
    if (fresh) this.figurePages.invalidate(key);
    return this.figurePages.get(key, () => this.repo.queryLatestFigures(query), {
      maxAgeMs: refreshOlderThanMs,
      basis,
    });
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
