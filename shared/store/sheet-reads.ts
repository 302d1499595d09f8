/**
 * The read side of the sheet repository. A reader resolves the attempt from the revision's commit marker,
 * or from META when the marker of the latest revision is not written yet, then reads the document the
 * attempt's header names and checks it against the header's counts: a cold read of a whole revision is two
 * or three GetItems and one S3 GET, whatever its size. Revisions written before revision documents existed
 * (one item per section, figure and text chunk under the attempt prefix) are read from those items
 * (legacy-revision-read.ts); nothing migrates them.
 */
import { ConfigError } from '../config';
import { TransientStoreError } from '../errors';
import type { Figure, Section } from '../model';
import { encodeCursor as encodeStoreCursor } from './cursor';
import type { DynamoTable } from './dynamo-table';
import { attemptHeaderSk, META_SK, pad, revisionSk, revisionsGsiPk, SHEETS_GSI_PK, sheetPk } from './keys';
import { readLegacyContent } from './legacy-revision-read';
import { type MetaItem, publicMeta, readMetaItem } from './meta-item';
import type { Page, PageRequest, RevisionHeader, SheetMeta, StoredRevision } from './ports';
import type { RevisionDocumentStore } from './revision-documents';
import { type HeaderItemBody, readBody } from './revision-items';
import { GSI1 } from './table-definition';

/** What a cursor of revision history may hold as sort keys. */
const REVISION_SK_PREFIX = 'REV#';

/** The revision document store, refused with a clear message where the repository was built without one. */
export function requireDocuments(
  documents: RevisionDocumentStore | undefined,
  use: string,
): RevisionDocumentStore {
  if (!documents) {
    throw new ConfigError(`DynamoSheetRepository needs a revision document store to ${use}`);
  }
  return documents;
}

export class DynamoSheetReads {
  constructor(
    protected readonly table: DynamoTable,
    protected readonly documents: RevisionDocumentStore | undefined,
  ) {}

  async getMeta(id: string): Promise<SheetMeta | null> {
    const item = await readMetaItem(this.table, id);
    return item ? publicMeta(item) : null;
  }

  async listSheets(page: PageRequest): Promise<Page<SheetMeta>> {
    const result = await this.table.queryPage(
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': SHEETS_GSI_PK },
      },
      page,
      {
        keys: ['pk', 'sk', GSI1.pk, GSI1.sk],
        fixed: { [GSI1.pk]: SHEETS_GSI_PK, sk: META_SK },
        prefixes: { pk: sheetPk('') },
      },
    );
    return { ...result, items: result.items.map((item) => publicMeta(item as unknown as MetaItem)) };
  }

  async getRevisionHeader(id: string, revision: number): Promise<RevisionHeader | null> {
    const marker = await this.table.getItem(sheetPk(id), revisionSk(revision));
    if (marker) return readBody(marker).header;
    const attempt = await this.uncommittedLatestAttempt(id, revision);
    if (!attempt) return null;
    const header = await this.table.getItem(sheetPk(id), attemptHeaderSk(revision, attempt));
    return header ? readBody(header).header : null;
  }

  async getRevision(id: string, revision: number): Promise<StoredRevision | null> {
    // The attempt is resolved BEFORE its content is read: a marker or META names an attempt only once its
    // document (or, for legacy revisions, every item) is written.
    const marker = await this.table.getItem(sheetPk(id), revisionSk(revision));
    const attempt =
      (marker?.attempt as string | undefined) ?? (await this.uncommittedLatestAttempt(id, revision));
    if (!attempt) return null;
    const headItem = marker ?? (await this.table.getItem(sheetPk(id), attemptHeaderSk(revision, attempt)));
    if (!headItem) return null;
    const head = readBody(headItem);
    if (head.document === undefined) {
      const content = await readLegacyContent(this.table, id, revision, attempt, head);
      return { header: head.header, sheet: { ...head.sheet, ...content } };
    }
    return { header: head.header, sheet: await this.readDocument(id, revision, head) };
  }

  /** A revision document, refused when it is not the one its header describes. */
  private async readDocument(id: string, revision: number, head: HeaderItemBody) {
    const key = head.document as string;
    const stored = await requireDocuments(this.documents, 'read').get(key);
    // Written before the header that names it, so absent or different means damaged storage or a
    // read racing eventual consistency: retry, never cache a wrong revision.
    if (
      !stored ||
      stored.header.revision !== revision ||
      stored.sheet.figures.length !== head.figureCount ||
      stored.sheet.sections.length !== head.sectionCount
    ) {
      throw new TransientStoreError(`Sheet ${id}: revision ${revision} document ${key} is missing or wrong`);
    }
    return stored.sheet;
  }

  /** The S3 key of a revision's document (undefined for legacy revisions and unknown revisions). */
  async revisionDocumentKey(id: string, revision: number): Promise<string | undefined> {
    const marker = await this.table.getItem(sheetPk(id), revisionSk(revision));
    const attempt =
      (marker?.attempt as string | undefined) ?? (await this.uncommittedLatestAttempt(id, revision));
    if (!attempt) return undefined;
    const headItem = marker ?? (await this.table.getItem(sheetPk(id), attemptHeaderSk(revision, attempt)));
    return headItem ? readBody(headItem).document : undefined;
  }

  async revisionDocumentUrl(id: string, revision: number, expiresInSeconds: number): Promise<string | null> {
    const key = await this.revisionDocumentKey(id, revision);
    const store = requireDocuments(this.documents, 'presign');
    if (key === undefined || !store.presignedUrl) return null;
    return store.presignedUrl(key, expiresInSeconds);
  }

  async getSections(id: string, revision: number): Promise<Section[]> {
    return (await this.getRevision(id, revision))?.sheet.sections ?? [];
  }

  async getFigures(id: string, revision: number): Promise<Figure[]> {
    return (await this.getRevision(id, revision))?.sheet.figures ?? [];
  }

  async listRevisions(id: string, page: PageRequest): Promise<Page<RevisionHeader>> {
    const pk = revisionsGsiPk(id);
    // The latest revision is served from the moment META flips, but listed through its commit marker,
    // which its writer puts afterwards: until then (or for good, if that writer died) the first page lists
    // it from its attempt header instead, so a served revision is always a listed one.
    const unlisted = page.cursor === undefined ? await this.unfinalizedLatestHeader(id) : undefined;
    const limit = unlisted ? page.limit - 1 : page.limit;
    if (unlisted && limit < 1) {
      const start = {
        pk: sheetPk(id),
        sk: revisionSk(unlisted.revision),
        [GSI1.pk]: pk,
        [GSI1.sk]: pad(unlisted.revision, 8),
      };
      return {
        items: [unlisted],
        ...(unlisted.revision > 1 && { nextCursor: encodeStoreCursor(start) as string }),
      };
    }
    const result = await this.table.queryPage(
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': pk },
        // Newest first: history pages start at the latest revision.
        ScanIndexForward: false,
      },
      { ...page, limit },
      {
        keys: ['pk', 'sk', GSI1.pk, GSI1.sk],
        fixed: { [GSI1.pk]: pk, pk: sheetPk(id) },
        prefixes: { sk: REVISION_SK_PREFIX },
      },
    );
    const items = result.items.map((item) => readBody(item).header);
    if (unlisted && items[0]?.revision !== unlisted.revision) items.unshift(unlisted);
    return { ...result, items };
  }

  /** The latest revision's header when META says it is not finalized and its marker is indeed missing. */
  private async unfinalizedLatestHeader(id: string): Promise<RevisionHeader | undefined> {
    const meta = await readMetaItem(this.table, id);
    if (!meta || meta.projectedRevision === meta.latestRevision) return undefined;
    if (await this.table.getItem(sheetPk(id), revisionSk(meta.latestRevision))) return undefined;
    const head = await this.table.getItem(
      sheetPk(id),
      attemptHeaderSk(meta.latestRevision, meta.latestAttempt),
    );
    return head ? readBody(head).header : undefined;
  }

  /** The attempt of `revision` when it is the latest and its marker is not written yet. */
  private async uncommittedLatestAttempt(id: string, revision: number): Promise<string | undefined> {
    const meta = await readMetaItem(this.table, id);
    return meta && meta.latestRevision === revision ? meta.latestAttempt : undefined;
  }
}
