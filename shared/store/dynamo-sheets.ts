/**
 * SheetRepository over the single DynamoDB table (lib-dynamodb document client) and the revision documents
 * in S3 (revision-documents.ts). No transactions (dynalite has none), so publishing is ordered instead:
 *
 * 1. Under a fresh attempt id, put the revision document `parsed/{id}/{rev}.{attempt}.json.gz` (the whole
 *    ParsedSheet) and the attempt header item `REV#{rev}#{attempt}#H` naming it. Two writers racing for the
 *    same revision therefore never overwrite each other's document or header.
 * 2. Flip META (`latestRevision`, `latestAttempt`) with a condition on the previous `latestRevision`; a lost
 *    race is a RevisionConflictError and the loser deletes its own attempt items (best effort).
 * 3. Finalize: write the commit marker `REV#{rev}` (header + winning attempt, listed via gsi1) and refresh the
 *    `LATEST#F#n` projection (gsi2), then set `META.projectedRevision`. When the META the flip replaced was
 *    not finalized (its writer stopped after its flip), that revision's marker is written too: the old META
 *    was the only pointer to its attempt.
 *
 * Readers resolve the attempt from the marker, or from META when the marker of the latest revision is not
 * written yet, then read the document the attempt's header names and check it against the header's counts:
 * a cold read of a whole revision is two or three GetItems and one S3 GET, whatever its size. Revisions
 * written before revision documents existed (one item per section, figure and text chunk under the attempt
 * prefix) are read from those items (legacy-revision-read.ts); nothing migrates them. Projection items carry their revision, and `queryLatestFigures`
 * drops every item whose revision is not its sheet's `META.latestRevision`, and every item of a sheet whose
 * `META.projectedRevision` is not its latest: a sheet whose projection is being refreshed (or whose writer
 * died mid-way) is briefly absent from cross-sheet results, never half there and never mixed. A writer that refreshed the projection
 * re-checks META (condition on `latestRevision`) and, when a newer revision was published meanwhile,
 * re-projects that one from a fresh read even if META calls it projected (its own late writes may have
 * damaged it), so the projection converges on the latest revision.
 */
import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { ConfigError } from '../config';
import { RevisionConflictError, TransientStoreError } from '../errors';
import type { Figure, Section } from '../model';
import type { BackoffOptions, WriteRequest } from './batch-write';
import { encodeCursor as encodeStoreCursor } from './cursor';
import { DynamoTable, type Item } from './dynamo-table';
import {
  attemptHeaderSk,
  ERROR_SK_PREFIX,
  errorSk,
  META_SK,
  pad,
  revisionSk,
  revisionsGsiPk,
  SHEETS_GSI_PK,
  sheetPk,
} from './keys';
import { queryLatestFigures } from './latest-figure-query';
import {
  PROJECTION_VERSION,
  type ProjectionState,
  projectionWrites,
  readProjection,
  type SectionHeadings,
  sectionHeadings,
} from './latest-figures';
import { readLegacyContent } from './legacy-revision-read';
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
} from './ports';
import { documentKey, type RevisionDocumentStore } from './revision-documents';
import { type HeaderItemBody, headerBody, markerItem, readBody } from './revision-items';
import { GSI1 } from './table-definition';

export interface DynamoSheetRepositoryOptions {
  /** Clock for createdAt/updatedAt (ISO strings). */
  now?: () => Date;
  backoff?: BackoffOptions;
  /** Where revision documents go (required to publish; reading legacy revisions works without). */
  documents?: RevisionDocumentStore;
}

/** META as stored: the public fields plus the attempt that won the latest revision. */
type MetaItem = SheetMeta & { latestAttempt: string; projectionVersion?: number };

/** What a cursor of revision history may hold as sort keys. */
const REVISION_SK_PREFIX = 'REV#';

/** Rounds of "project, then check META" before finalize leaves the rest to the next finalizeLatest. */
const FINALIZE_ROUNDS = 5;

/** A revision whose attempt items are all written (META or its marker names the attempt). */
interface FinalizeTarget {
  revision: number;
  attempt: string;
  body: HeaderItemBody;
  figures: readonly Figure[];
  /** Section id → heading, for the cross-sheet projection's export columns. */
  headings: SectionHeadings;
}

const INTERNAL_META = ['pk', 'sk', GSI1.pk, GSI1.sk, 'latestAttempt', 'projectionVersion'] as const;

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

export class DynamoSheetRepository implements SheetRepository {
  private readonly now: () => Date;
  private readonly table: DynamoTable;
  private readonly documents: RevisionDocumentStore | undefined;

  constructor(
    protected readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    options: DynamoSheetRepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.table = new DynamoTable(client, tableName, options.backoff);
    this.documents = options.documents;
  }

  async getMeta(id: string): Promise<SheetMeta | null> {
    const item = await this.getMetaItem(id);
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
    const stored = await this.documentStore('read').get(key);
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
    const store = this.documentStore('presign');
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
    const meta = await this.getMetaItem(id);
    if (!meta || meta.projectedRevision === meta.latestRevision) return undefined;
    if (await this.table.getItem(sheetPk(id), revisionSk(meta.latestRevision))) return undefined;
    const head = await this.table.getItem(
      sheetPk(id),
      attemptHeaderSk(meta.latestRevision, meta.latestAttempt),
    );
    return head ? readBody(head).header : undefined;
  }

  async publishRevision(input: PublishInput): Promise<number> {
    const { sheet } = input;
    const revision = input.expectedLatest + 1;
    const attempt = randomBytes(4).toString('hex');
    const createdAt = this.now().toISOString();
    const header: RevisionHeader = {
      id: sheet.id,
      revision,
      sourceHash: sheet.sourceHash,
      archiveKey: input.archiveKey,
      parserVersion: sheet.parserVersion,
      contentType: sheet.contentType,
      reason: input.reason,
      createdAt,
      title: sheet.title,
      country: sheet.country,
      counts: { sections: sheet.sections.length, figures: sheet.figures.length },
      diff: input.diff,
    };
    const document = documentKey(sheet.id, revision, attempt);
    const body: HeaderItemBody = { ...headerBody(header, sheet), document };
    const headItem: Item = {
      pk: sheetPk(sheet.id),
      sk: attemptHeaderSk(revision, attempt),
      body: JSON.stringify(body),
    };
    const items = [headItem];
    try {
      // The header only names the document; nothing reaches either before the flip, so both go at once.
      await Promise.all([
        (async () => this.documentStore('publish').put(document, { header: body.header, sheet }))(),
        this.table.put(headItem),
        input.ready,
      ]);
      await this.beforeFlip(sheet.id, revision);
    } catch (err) {
      await this.discard(items);
      throw err;
    }
    let flipped: Flipped;
    try {
      flipped = await this.flip(input, attempt, createdAt);
    } catch (err) {
      // Only a failed condition proves the flip did not happen; after a timeout the items may be live.
      if (err instanceof RevisionConflictError) await this.discard(items);
      throw err;
    }
    // The flip replaced META.latestAttempt: if the previous revision was never finalized (its writer died
    // after its own flip), META was the only thing naming its attempt, so its marker is written now or the
    // revision is lost for good. Same item its own writer would write, so a race with it is harmless.
    await input.onVisible?.(revision);
    const previousMarker = flipped.unfinished && (await this.markerFor(sheet.id, flipped.unfinished));
    const target = {
      revision,
      attempt,
      body,
      figures: sheet.figures,
      headings: sectionHeadings(sheet.sections),
    };
    await this.finalize(sheet.id, target, flipped.projected, previousMarker ? [previousMarker] : []);
    return revision;
  }

  async recordError(id: string, error: SheetErrorRecord): Promise<void> {
    const pk = sheetPk(id);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk, sk: errorSk(error.at, randomBytes(3).toString('hex')), ...error },
        }),
      );
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk, sk: META_SK },
          UpdateExpression: 'SET lastError = :e',
          // A sheet without revisions keeps no META (getMeta stays null); its ERR# items are listErrors'.
          ConditionExpression: 'attribute_exists(latestRevision)',
          ExpressionAttributeValues: { ':e': error },
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) return;
      translateAwsError(err, 'DynamoDB recordError');
    }
  }

  async listErrors(id: string, page: PageRequest): Promise<Page<SheetErrorRecord>> {
    const pk = sheetPk(id);
    const result = await this.table.queryPage(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': ERROR_SK_PREFIX },
        ScanIndexForward: false,
      },
      page,
      { keys: ['pk', 'sk'], fixed: { pk }, prefixes: { sk: ERROR_SK_PREFIX } },
    );
    return {
      ...result,
      items: result.items.map(
        ({ at, key, reason, message, sourceHash }) =>
          ({
            at,
            key,
            reason,
            message,
            ...(typeof sourceHash === 'string' && { sourceHash }),
          }) as SheetErrorRecord,
      ),
    };
  }

  async queryLatestFigures(query: FigureQuery): Promise<Page<LatestFigure>> {
    return queryLatestFigures(this.table, query);
  }

  /**
   * Completes a publish whose writer stopped after the META flip (marker and projection of the latest
   * revision). Idempotent; cheap when there is nothing to do.
   */
  async finalizeLatest(id: string): Promise<void> {
    const target = await this.latestTarget(id, { unprojectedOnly: true });
    if (target) await this.finalize(id, target);
  }

  /**
   * The latest revision as META names it; with `unprojectedOnly`, undefined when META says its marker and
   * projection are complete already.
   */
  private async latestTarget(
    id: string,
    { unprojectedOnly }: { unprojectedOnly: boolean },
  ): Promise<FinalizeTarget | undefined> {
    const meta = await this.getMetaItem(id);
    if (!meta || (unprojectedOnly && projectedRevisionOf(meta) === meta.latestRevision)) return undefined;
    const head = await this.table.getItem(
      sheetPk(id),
      attemptHeaderSk(meta.latestRevision, meta.latestAttempt),
    );
    if (!head) return undefined;
    return {
      revision: meta.latestRevision,
      attempt: meta.latestAttempt,
      body: readBody(head),
      figures: await this.getFigures(id, meta.latestRevision),
      headings: sectionHeadings(await this.getSections(id, meta.latestRevision)),
    };
  }

  /** The commit marker of an attempt META named, rebuilt from its header item (undefined if gone). */
  private async markerFor(id: string, { revision, attempt }: AttemptRef): Promise<Item | undefined> {
    const head = await this.table.getItem(sheetPk(id), attemptHeaderSk(revision, attempt));
    if (!head) return undefined;
    return markerItem(readBody(head), attempt, {
      [GSI1.pk]: revisionsGsiPk(id),
      [GSI1.sk]: pad(revision, 8),
    });
  }

  /** Test seam: runs between the child writes and the META flip (failure injection). */
  protected async beforeFlip(_id: string, _revision: number): Promise<void> {}

  /**
   * The conditional META flip. Returns the LATEST#F projection as it stood (sort key → revision) when the
   * old META proves it complete, which saves reading it back (else undefined), and the previous revision's
   * attempt when the old META says that revision was never finalized.
   */
  private async flip(input: PublishInput, attempt: string, now: string): Promise<Flipped> {
    const { sheet, expectedLatest } = input;
    try {
      const res = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sheetPk(sheet.id), sk: META_SK },
          UpdateExpression:
            'SET #id = :id, latestRevision = :rev, latestAttempt = :attempt, title = :title, country = :country, ' +
            'bureau = :bureau, publishedOn = :publishedOn, contentType = :contentType, sourceHash = :hash, ' +
            'parserVersion = :pv, #counts = :counts, updatedAt = :now, createdAt = if_not_exists(createdAt, :now), ' +
            '#g1pk = :g1pk, #g1sk = :id',
          ConditionExpression:
            expectedLatest === 0 ? 'attribute_not_exists(latestRevision)' : 'latestRevision = :expected',
          ExpressionAttributeNames: { '#id': 'id', '#counts': 'counts', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
          ExpressionAttributeValues: {
            ':id': sheet.id,
            ':rev': expectedLatest + 1,
            ':attempt': attempt,
            ':title': sheet.title,
            ':country': sheet.country,
            ':bureau': sheet.bureau,
            ':publishedOn': sheet.publishedOn,
            ':contentType': sheet.contentType,
            ':hash': sheet.sourceHash,
            ':pv': sheet.parserVersion,
            ':counts': { sections: sheet.sections.length, figures: sheet.figures.length },
            ':now': now,
            ':g1pk': SHEETS_GSI_PK,
            ...(expectedLatest !== 0 && { ':expected': expectedLatest }),
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = res.Attributes as Partial<MetaItem> | undefined;
      if (old?.latestRevision === undefined) return { projected: new Map() };
      if (old.projectedRevision !== old.latestRevision || !old.counts) {
        const unfinished = old.latestAttempt
          ? { revision: old.latestRevision, attempt: old.latestAttempt }
          : undefined;
        return { projected: undefined, ...(unfinished && { unfinished }) };
      }
      // Its items depend on the old figures' fiscal years, which this writer does not have: finalize reads it.
      return { projected: undefined };
    } catch (err) {
      if (isConditionFailure(err)) {
        throw new RevisionConflictError(
          `Sheet ${sheet.id}: revision ${expectedLatest + 1} was published by another writer`,
          { cause: err },
        );
      }
      return translateAwsError(err, 'DynamoDB META flip');
    }
  }

  /**
   * Marker + projection for the target revision, then `META.projectedRevision`; starts over if META moved
   * on. `extra` items (another revision's marker) go out with the first round's writes.
   */
  private async finalize(
    id: string,
    first: FinalizeTarget,
    projected?: ProjectionState,
    extra: readonly Item[] = [],
  ): Promise<void> {
    let target = first;
    let known = projected;
    for (let round = 0; round < FINALIZE_ROUNDS; round++) {
      const marker = markerItem(target.body, target.attempt, {
        [GSI1.pk]: revisionsGsiPk(id),
        [GSI1.sk]: pad(target.revision, 8),
      });
      const requests: WriteRequest[] = [{ PutRequest: { Item: marker } }];
      if (round === 0) for (const Item of extra) requests.push({ PutRequest: { Item } });
      const current = known ?? (await readProjection(this.table, id));
      // A loop, not push(...writes): one argument per figure would overflow the stack on large sheets.
      for (const write of projectionWrites(
        id,
        target.revision,
        target.body.sheet,
        target.figures,
        current,
        target.headings,
      )) {
        requests.push(write);
      }
      known = undefined;
      await this.table.write(requests);
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: sheetPk(id), sk: META_SK },
            UpdateExpression: 'SET projectedRevision = :rev, projectionVersion = :pv',
            ConditionExpression: 'latestRevision = :rev',
            ExpressionAttributeValues: { ':rev': target.revision, ':pv': PROJECTION_VERSION },
          }),
        );
        return;
      } catch (err) {
        if (!isConditionFailure(err)) translateAwsError(err, 'DynamoDB projection mark');
      }
      // A newer revision was flipped while we projected ours. Our writes may have landed AFTER its writer
      // projected it and set projectedRevision (ours were slow): then they overwrote or deleted its items,
      // and META saying "projected" proves nothing. So the current latest is projected again, whatever
      // projectedRevision says, against a fresh read of the projection: an intact one costs a read and a
      // marker put; a damaged one is repaired.
      const latest = await this.latestTarget(id, { unprojectedOnly: false });
      if (!latest) return;
      target = latest;
    }
    // Still racing newer writers after every round: clear projectedRevision, so that the next ingest's
    // finalizeLatest re-projects rather than trusting a projection our late writes may have damaged.
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sheetPk(id), sk: META_SK },
          UpdateExpression: 'REMOVE projectedRevision',
          ConditionExpression: 'attribute_exists(latestRevision)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) translateAwsError(err, 'DynamoDB projection reset');
    }
  }

  /** Best-effort removal of an attempt that will never be committed. */
  private async discard(items: readonly Item[]): Promise<void> {
    const keys = items.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }) as WriteRequest);
    try {
      await this.table.write(keys);
    } catch {
      // Orphaned attempt items are never read (no marker or META names them); leaving them is safe.
    }
  }

  /** The attempt of `revision` when it is the latest and its marker is not written yet. */
  private async uncommittedLatestAttempt(id: string, revision: number): Promise<string | undefined> {
    const meta = await this.getMetaItem(id);
    return meta && meta.latestRevision === revision ? meta.latestAttempt : undefined;
  }

  private documentStore(use: string): RevisionDocumentStore {
    if (!this.documents) {
      throw new ConfigError(`DynamoSheetRepository needs a revision document store to ${use}`);
    }
    return this.documents;
  }

  private async getMetaItem(id: string): Promise<MetaItem | null> {
    const item = await this.table.getItem(sheetPk(id), META_SK);
    return item && typeof item.latestRevision === 'number' ? (item as unknown as MetaItem) : null;
  }
}

/** The attempt that won a revision. */
interface AttemptRef {
  revision: number;
  attempt: string;
}

/** What the META flip learned from the META it replaced. */
interface Flipped {
  projected: ProjectionState | undefined;
  /** The previous revision, when the old META says it was never finalized (marker possibly missing). */
  unfinished?: AttemptRef;
}

/**
 * META's projectedRevision, counted only when the projection has the current item shapes: a sheet
 * projected by an older version reads as unprojected, so the next ingest, reprocess or reprocess-stale run
 * (every `npm start`) calls finalizeLatest and re-projects it.
 */
function projectedRevisionOf(item: MetaItem): number | undefined {
  return item.projectionVersion === PROJECTION_VERSION ? item.projectedRevision : undefined;
}

function publicMeta(item: MetaItem): SheetMeta {
  const meta: Record<string, unknown> = { ...item };
  for (const name of INTERNAL_META) delete meta[name];
  const projected = projectedRevisionOf(item);
  if (projected === undefined) delete meta.projectedRevision;
  else meta.projectedRevision = projected;
  return meta as unknown as SheetMeta;
}
