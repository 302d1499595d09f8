/**
 * What the use cases need from persistence. `dynamo-*.ts` implements these against DynamoDB; tests of the
 * domain use the in-memory fakes in `tests/support/fakes/`. Adapters turn SDK errors into shared/errors.ts errors.
 */
import type { SourceRejection } from '../errors';
import type { ContentType, Figure, FigureKind, ParsedSheet, Section } from '../model';

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
  nextCursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface SheetErrorRecord {
  at: string;
  /** The S3 key (or URL) whose content was refused. */
  key: string;
  reason: SourceRejection | string;
  message: string;
  /** SHA-256 of the refused bytes, when known: the local runtime's start-up skips exactly those. */
  sourceHash?: string;
}

export interface FigureRef {
  id: string;
  /** The figure's stable key (absent only in summaries stored before keys existed). */
  key?: string;
  kind: FigureKind;
  value: number | string;
  unit?: string;
  text: string;
  sectionId: string;
  /** The sentence the figure stands in (absent in summaries stored before it was added). */
  sentence?: string;
}

export interface DiffSummary {
  from: number;
  to: number;
  figures: {
    added: FigureRef[];
    removed: FigureRef[];
    changed: { before: FigureRef; after: FigureRef }[];
  };
  sections: { added: string[]; removed: string[]; changed: string[] };
  /**
   * Set when the stored summary left out its figure lists because they would not fit in one DynamoDB item
   * (thousands of changed figures); diff the two revisions to get them.
   */
  figuresOmitted?: true;
}

export type RevisionReason = 'upload' | 'reprocess' | 'refresh';

export interface SheetMeta {
  id: string;
  latestRevision: number;
  title: string | null;
  country: string | null;
  bureau: string | null;
  publishedOn: string | null;
  contentType: ContentType;
  sourceHash: string;
  parserVersion: string;
  counts: { sections: number; figures: number };
  createdAt: string;
  updatedAt: string;
  lastError?: SheetErrorRecord;
  /**
   * The revision whose commit marker and LATEST#F projection are written. Differs from latestRevision only
   * while a publish is finishing, or after a writer stopped mid-way (then `finalizeLatest` repairs it).
   */
  projectedRevision?: number;
  /**
   * The outbox of one: set by the META flip, cleared once the revision's `sheet.revision.published` event
   * is on the bus. While it names latestRevision, the next ingest of the sheet (a retry that finds its
   * bytes already published, or a local start after a crash) emits that event again, with the same id.
   */
  unannouncedRevision?: number;
}

export interface RevisionHeader {
  id: string;
  revision: number;
  sourceHash: string;
  archiveKey: string;
  parserVersion: string;
  contentType: ContentType;
  reason: RevisionReason;
  createdAt: string;
  title: string | null;
  country: string | null;
  counts: { sections: number; figures: number };
  /** Against the previous revision; null for revision 1. */
  diff: DiffSummary | null;
}

/** A full revision: its header plus the ParsedSheet it published. */
export interface StoredRevision {
  header: RevisionHeader;
  sheet: ParsedSheet;
}

export interface PublishInput {
  sheet: ParsedSheet;
  archiveKey: string;
  reason: RevisionReason;
  diff: DiffSummary | null;
  /** The META.latestRevision the caller based its work on (0 when the sheet is new). */
  expectedLatest: number;
  /**
   * Work that must finish before the revision becomes visible (e.g. archiving the source), run alongside
   * the child writes; if it rejects, nothing is published and the error propagates.
   */
  ready?: Promise<unknown>;
  /**
   * Called once the revision is what readers resolve (right after the META flip), before the commit
   * marker and the projection are written: whoever waits on this upload hears of it as soon as a read
   * would show it. If it rejects, the rest of the publish is left to the next writer's repair.
   */
  onVisible?: (revision: number) => Promise<unknown>;
}

/** A figure of some sheet's latest revision, as cross-sheet queries return it. */
export interface LatestFigure extends Figure {
  sheetId: string;
  revision: number;
  country: string | null;
  /** The heading of the figure's section (null for the lead); absent in projections older than it. */
  sectionHeading?: string | null;
  /** The sheet's publishedOn; absent in projections older than it. */
  publishedOn?: string | null;
}

/**
 * A cross-sheet query (shared/store/figure-index.ts says what each filter means). Results come ordered by
 * sheet id, then position in the sheet's latest revision; `cursor` and `nextCursor` are positions.
 */
export interface FigureQuery extends PageRequest {
  kind?: FigureKind;
  fiscalYear?: number;
  country?: string;
  sheets?: readonly string[];
}

export interface SheetRepository {
  getMeta(id: string): Promise<SheetMeta | null>;
  /** getMeta of many sheets in as few store calls as the store allows (optional: readers fall back). */
  getMetas?(ids: readonly string[]): Promise<Map<string, SheetMeta | null>>;
  listSheets(page: PageRequest): Promise<Page<SheetMeta>>;
  getRevisionHeader(id: string, revision: number): Promise<RevisionHeader | null>;
  getRevision(id: string, revision: number): Promise<StoredRevision | null>;
  getSections(id: string, revision: number): Promise<Section[]>;
  getFigures(id: string, revision: number): Promise<Figure[]>;
  listRevisions(id: string, page: PageRequest): Promise<Page<RevisionHeader>>;
  /**
   * Writes revision `expectedLatest + 1` then flips META with a condition on `expectedLatest`.
   * Throws RevisionConflictError when another writer flipped first. Returns the new revision number.
   */
  publishRevision(input: PublishInput): Promise<number>;
  /** Records a rejected input on the sheet (META.lastError and an ERR# item); never touches revisions. */
  recordError(id: string, error: SheetErrorRecord): Promise<void>;
  listErrors(id: string, page: PageRequest): Promise<Page<SheetErrorRecord>>;
  queryLatestFigures(query: FigureQuery): Promise<Page<LatestFigure>>;
  /**
   * Completes the bookkeeping of a publish that stopped after the META flip (revision marker, cross-sheet
   * figure projection). Idempotent. Optional so older fakes still satisfy the port.
   */
  finalizeLatest?(id: string): Promise<void>;
  /** Clears META.unannouncedRevision when it is still `revision` (its event reached the bus). Optional. */
  markAnnounced?(id: string, revision: number): Promise<void>;
  /**
   * A URL from which the revision's document (`{ header, sheet }`, the body of `GET
   * /sheets/{id}/revisions/{rev}`) can be fetched without credentials for `expiresInSeconds`; null when
   * the revision has no document (written before revision documents) or the store cannot sign.
   */
  revisionDocumentUrl?(id: string, revision: number, expiresInSeconds: number): Promise<string | null>;
}

export interface SourceRecord {
  id: string;
  url: string;
  enabled: boolean;
  etag?: string;
  lastModified?: string;
  contentHash?: string;
  lastCheckedAt?: string;
  lastStatus?: 'unchanged' | 'updated' | 'failed' | 'pending';
  lastError?: string;
  createdAt: string;
  updatedAt: string;
}

export interface SourceRepository {
  get(id: string): Promise<SourceRecord | null>;
  list(page: PageRequest): Promise<Page<SourceRecord>>;
  /** Every enabled source (the refresh walks all pages internally). */
  listEnabled(): Promise<SourceRecord[]>;
  put(record: SourceRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Merges check results (etag, lastModified, hash, status, error, lastCheckedAt) into the record. */
  recordCheck(id: string, update: Partial<Omit<SourceRecord, 'id' | 'url' | 'createdAt'>>): Promise<void>;
}

export interface TokenRepository {
  /** True when a token with this sha256 hex hash exists and is active. */
  hasTokenHash(hash: string): Promise<boolean>;
  putTokenHash(hash: string, label: string): Promise<void>;
}
