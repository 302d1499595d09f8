/**
 * SheetRepository over the single DynamoDB table (lib-dynamodb document client). No transactions
 * (dynalite has none), so publishing is ordered instead:
 *
 * 1. BatchWrite the revision's items under a fresh attempt id: `REV#{rev}#{attempt}#{H|S#n|F#n|T#n}`. Two
 *    writers racing for the same revision therefore never overwrite each other's items.
 * 2. Flip META (`latestRevision`, `latestAttempt`) with a condition on the previous `latestRevision`; a lost
 *    race is a RevisionConflictError and the loser deletes its own attempt items (best effort).
 * 3. Finalize: write the commit marker `REV#{rev}` (header + winning attempt, listed via gsi1) and refresh the
 *    `LATEST#F#n` projection (gsi2), then set `META.projectedRevision`. When the META the flip replaced was
 *    not finalized (its writer stopped after its flip), that revision's marker is written too: the old META
 *    was the only pointer to its attempt.
 *
 * Readers resolve the attempt from the marker, or from META when the marker of the latest revision is not
 * written yet, BEFORE reading the attempt's items, and check the items against the header's counts, so a
 * half-written revision is never served. Projection items carry their revision, and `queryLatestFigures`
 * drops every item whose revision is not its sheet's `META.latestRevision`: a half-refreshed projection may
 * briefly omit that sheet's figures but never mixes revisions. A writer that refreshed the projection
 * re-checks META (condition on `latestRevision`) and, when a newer revision was published meanwhile,
 * re-projects that one from a fresh read even if META calls it projected (its own late writes may have
 * damaged it), so the projection converges on the latest revision.
 */
import { randomBytes } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { RevisionConflictError, TransientStoreError } from '../errors';
import type { Figure, Section } from '../model';
import { translateAwsError } from './aws-errors';
import type { BackoffOptions, WriteRequest } from './batch-write';
import { DynamoTable, type Item } from './dynamo-table';
import {
  attemptHeaderSk,
  attemptPrefix,
  ERROR_SK_PREFIX,
  errorSk,
  figureGsiPk,
  fiscalYearPrefix,
  LATEST_FIGURE_PREFIX,
  META_SK,
  pad,
  revisionSk,
  revisionsGsiPk,
  SHEETS_GSI_PK,
  sheetPk,
} from './keys';
import {
  completeProjection,
  currentFigures,
  latestFiguresQuery,
  type ProjectionState,
  projectionWrites,
  readProjection,
} from './latest-figures';
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
import {
  assembleContent,
  type HeaderItemBody,
  headerBody,
  markerItem,
  type RevisionContent,
  readBody,
  revisionItems,
} from './revision-items';
import { GSI1, GSI2 } from './table-definition';

export interface DynamoSheetRepositoryOptions {
  /** Clock for createdAt/updatedAt (ISO strings). */
  now?: () => Date;
  backoff?: BackoffOptions;
}

/** META as stored: the public fields plus the attempt that won the latest revision. */
type MetaItem = SheetMeta & { latestAttempt: string };

/** What a cursor of revision history / cross-sheet figures may hold as sort keys. */
const REVISION_SK_PREFIX = 'REV#';
const FISCAL_YEAR_SK_PREFIX = 'FY#';

/** Rounds of "project, then check META" before finalize leaves the rest to the next finalizeLatest. */
const FINALIZE_ROUNDS = 5;

/** A revision whose attempt items are all written (META or its marker names the attempt). */
interface FinalizeTarget {
  revision: number;
  attempt: string;
  body: HeaderItemBody;
  figures: readonly Figure[];
}

const INTERNAL_META = ['pk', 'sk', GSI1.pk, GSI1.sk, 'latestAttempt'] as const;

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

export class DynamoSheetRepository implements SheetRepository {
  private readonly now: () => Date;
  private readonly table: DynamoTable;

  constructor(
    protected readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    options: DynamoSheetRepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.table = new DynamoTable(client, tableName, options.backoff);
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
    // The attempt is resolved BEFORE its items are read. A marker or META names an attempt only once all
    // its items are written; a Query that ran first could see a writer's items half-way (several pages of
    // a large sheet), and a flip landing between that Query and the META read would bless the partial set.
    const marker = await this.table.getItem(sheetPk(id), revisionSk(revision));
    const attempt =
      (marker?.attempt as string | undefined) ?? (await this.uncommittedLatestAttempt(id, revision));
    if (!attempt) return null;
    const own = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': sheetPk(id), ':prefix': attemptPrefix(revision, attempt) },
    });
    const headItem = marker ?? own.find((item) => item.sk === attemptHeaderSk(revision, attempt));
    if (!headItem) return null;
    const head = readBody(headItem);
    const content = completeContent(id, own, revision, attempt, head);
    return { header: head.header, sheet: { ...head.sheet, ...content } };
  }

  async getSections(id: string, revision: number): Promise<Section[]> {
    return (await this.readPart(id, revision, 'S')).sections;
  }

  async getFigures(id: string, revision: number): Promise<Figure[]> {
    return (await this.readPart(id, revision, 'F')).figures;
  }

  async listRevisions(id: string, page: PageRequest): Promise<Page<RevisionHeader>> {
    const pk = revisionsGsiPk(id);
    const result = await this.table.queryPage(
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': pk },
        // Newest first: history pages start at the latest revision.
        ScanIndexForward: false,
      },
      page,
      {
        keys: ['pk', 'sk', GSI1.pk, GSI1.sk],
        fixed: { [GSI1.pk]: pk, pk: sheetPk(id) },
        prefixes: { sk: REVISION_SK_PREFIX },
      },
    );
    return { ...result, items: result.items.map((item) => readBody(item).header) };
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
    const body = headerBody(header, sheet);
    const items = revisionItems(body, sheet, attempt);
    try {
      await Promise.all([this.table.write(items.map((Item) => ({ PutRequest: { Item } }))), input.ready]);
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
    const previousMarker = flipped.unfinished && (await this.markerFor(sheet.id, flipped.unfinished));
    const target = { revision, attempt, body, figures: sheet.figures };
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
    const page = await this.table.queryPage(
      latestFiguresQuery(query.kind, query.fiscalYear, query.country),
      query,
      {
        keys: ['pk', 'sk', GSI2.pk, GSI2.sk],
        fixed: { [GSI2.pk]: figureGsiPk(query.kind) },
        // A start key outside the fiscal-year range of the key condition is refused by DynamoDB.
        prefixes: {
          pk: sheetPk(''),
          sk: LATEST_FIGURE_PREFIX,
          [GSI2.sk]:
            query.fiscalYear === undefined ? FISCAL_YEAR_SK_PREFIX : fiscalYearPrefix(query.fiscalYear),
        },
      },
    );
    return { ...page, items: await currentFigures(this.table, page.items) };
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
    if (!meta || (unprojectedOnly && meta.projectedRevision === meta.latestRevision)) return undefined;
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
      return { projected: completeProjection(old.counts.figures, old.latestRevision) };
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
      if (round === 0) requests.push(...extra.map((Item) => ({ PutRequest: { Item } })));
      const current = known ?? (await readProjection(this.table, id));
      requests.push(
        ...projectionWrites(id, target.revision, target.body.sheet.country, target.figures, current),
      );
      known = undefined;
      await this.table.write(requests);
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: sheetPk(id), sk: META_SK },
            UpdateExpression: 'SET projectedRevision = :rev',
            ConditionExpression: 'latestRevision = :rev',
            ExpressionAttributeValues: { ':rev': target.revision },
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

  private async readPart(id: string, revision: number, kind: 'S' | 'F') {
    const marker = await this.table.getItem(sheetPk(id), revisionSk(revision));
    const attempt =
      (marker?.attempt as string | undefined) ?? (await this.uncommittedLatestAttempt(id, revision));
    if (!attempt) return { sections: [], figures: [], text: '' };
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': sheetPk(id),
        ':prefix': `${attemptPrefix(revision, attempt)}${kind}#`,
      },
    });
    return assembleContent(items, revision, attempt);
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
 * The content of a revision, refusing an incomplete one: a revision is immutable and the API caches it for
 * good, so items missing against the header's counts (or a spilled value missing a part) are a transient
 * failure to retry, never a revision to serve.
 */
function completeContent(
  id: string,
  items: readonly Item[],
  revision: number,
  attempt: string,
  head: HeaderItemBody,
): RevisionContent {
  const incomplete = (cause?: unknown) =>
    new TransientStoreError(`Sheet ${id}: revision ${revision} was read incompletely; retry`, { cause });
  let content: RevisionContent;
  try {
    content = assembleContent(items, revision, attempt, head);
  } catch (err) {
    throw incomplete(err);
  }
  const textPrefix = `${attemptPrefix(revision, attempt)}T#`;
  const chunks = new Set(
    items
      .filter((item) => item.sk.startsWith(textPrefix))
      .map((item) => Number(item.sk.slice(textPrefix.length)))
      .filter((n) => n < head.textChunks),
  );
  if (
    content.sections.length !== head.sectionCount ||
    content.figures.length !== head.figureCount ||
    chunks.size !== head.textChunks
  ) {
    throw incomplete();
  }
  return content;
}

function publicMeta(item: MetaItem): SheetMeta {
  const meta: Record<string, unknown> = { ...item };
  for (const name of INTERNAL_META) delete meta[name];
  return meta as unknown as SheetMeta;
}
