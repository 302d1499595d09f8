/**
 * SheetRepository over the single DynamoDB table (lib-dynamodb document client). No transactions
 * (dynalite has none), so publishing is ordered instead:
 *
 * 1. BatchWrite the revision's items under a fresh attempt id: `REV#{rev}#{attempt}#{H|S#n|F#n|T#n}`. Two
 *    writers racing for the same revision therefore never overwrite each other's items.
 * 2. Flip META (`latestRevision`, `latestAttempt`) with a condition on the previous `latestRevision`; a lost
 *    race is a RevisionConflictError and the loser deletes its own attempt items (best effort).
 * 3. Finalize: write the commit marker `REV#{rev}` (header + winning attempt, listed via gsi1) and refresh the
 *    `LATEST#F#n` projection (gsi2), then set `META.projectedRevision`.
 *
 * Readers resolve the attempt from the marker, or from META when the marker of the latest revision is not
 * written yet, so a half-written revision is never served. Projection items carry their revision, and
 * `queryLatestFigures` drops every item whose revision is not its sheet's `META.latestRevision`: a
 * half-refreshed projection may briefly omit that sheet's figures but never mixes revisions. A writer that
 * refreshed the projection re-checks META (condition on `latestRevision`) and starts over when a newer
 * revision was published meanwhile, so the projection converges on the latest revision.
 */
import { randomBytes } from 'node:crypto';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { RevisionConflictError } from '../errors';
import type { Figure, Section } from '../model';
import { translateAwsError } from './aws-errors';
import { type BackoffOptions, batchWriteAll, defaultBackoff, type WriteRequest } from './batch-write';
import { checkLimit, decodeCursor, encodeCursor } from './cursor';
import {
  attemptHeaderSk,
  attemptPrefix,
  ERROR_SK_PREFIX,
  errorSk,
  figureGsiPk,
  figureGsiSk,
  fiscalYearOf,
  fiscalYearPrefix,
  LATEST_FIGURE_PREFIX,
  latestFigureSk,
  META_SK,
  pad,
  revisionSk,
  revisionsGsiPk,
  SHEETS_GSI_PK,
  sheetPk,
} from './keys';
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
  type Item,
  markerItem,
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

const INTERNAL_META = ['pk', 'sk', GSI1.pk, GSI1.sk, 'latestAttempt'] as const;

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

export class DynamoSheetRepository implements SheetRepository {
  private readonly now: () => Date;
  private readonly backoff: BackoffOptions;

  constructor(
    protected readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    options: DynamoSheetRepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.backoff = options.backoff ?? defaultBackoff;
  }

  async getMeta(id: string): Promise<SheetMeta | null> {
    const item = await this.getMetaItem(id);
    return item ? publicMeta(item) : null;
  }

  async listSheets(page: PageRequest): Promise<Page<SheetMeta>> {
    const result = await this.queryPage(
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': SHEETS_GSI_PK },
      },
      page,
      { keys: ['pk', 'sk', GSI1.pk, GSI1.sk], fixed: { [GSI1.pk]: SHEETS_GSI_PK } },
    );
    return { ...result, items: result.items.map((item) => publicMeta(item as unknown as MetaItem)) };
  }

  async getRevisionHeader(id: string, revision: number): Promise<RevisionHeader | null> {
    const marker = await this.getItem(sheetPk(id), revisionSk(revision));
    if (marker) return readBody(marker).header;
    const attempt = await this.uncommittedLatestAttempt(id, revision);
    if (!attempt) return null;
    const header = await this.getItem(sheetPk(id), attemptHeaderSk(revision, attempt));
    return header ? readBody(header).header : null;
  }

  async getRevision(id: string, revision: number): Promise<StoredRevision | null> {
    // One paged Query returns the marker and every attempt's items of this revision.
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': sheetPk(id), ':prefix': revisionSk(revision) },
    });
    const marker = items.find((item) => item.sk === revisionSk(revision));
    const attempt =
      (marker?.attempt as string | undefined) ?? (await this.uncommittedLatestAttempt(id, revision));
    if (!attempt) return null;
    const prefix = attemptPrefix(revision, attempt);
    const own = items.filter((item) => item.sk.startsWith(prefix));
    const headItem = marker ?? own.find((item) => item.sk === attemptHeaderSk(revision, attempt));
    if (!headItem) return null;
    const head = readBody(headItem);
    const content = assembleContent(own, revision, attempt, head);
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
    const result = await this.queryPage(
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': pk },
        // Newest first: history pages start at the latest revision.
        ScanIndexForward: false,
      },
      page,
      { keys: ['pk', 'sk', GSI1.pk, GSI1.sk], fixed: { [GSI1.pk]: pk, pk: sheetPk(id) } },
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
      await Promise.all([this.write(items.map((Item) => ({ PutRequest: { Item } }))), input.ready]);
      await this.beforeFlip(sheet.id, revision);
    } catch (err) {
      await this.discard(items);
      throw err;
    }
    let projected: Map<string, unknown> | undefined;
    try {
      projected = await this.flip(input, attempt, createdAt);
    } catch (err) {
      // Only a failed condition proves the flip did not happen; after a timeout the items may be live.
      if (err instanceof RevisionConflictError) await this.discard(items);
      throw err;
    }
    await this.finalize(sheet.id, revision, attempt, body, sheet.figures, projected);
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
    const result = await this.queryPage(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': ERROR_SK_PREFIX },
        ScanIndexForward: false,
      },
      page,
      { keys: ['pk', 'sk'], fixed: { pk } },
    );
    return {
      ...result,
      items: result.items.map(
        ({ at, key, reason, message }) => ({ at, key, reason, message }) as SheetErrorRecord,
      ),
    };
  }

  async queryLatestFigures(query: FigureQuery): Promise<Page<LatestFigure>> {
    const gsiPk = figureGsiPk(query.kind);
    const input: Omit<QueryCommandInput, 'TableName'> = {
      IndexName: GSI2.name,
      KeyConditionExpression:
        query.fiscalYear === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :fy)',
      ExpressionAttributeNames: { '#pk': GSI2.pk, ...(query.fiscalYear !== undefined && { '#sk': GSI2.sk }) },
      ExpressionAttributeValues: {
        ':pk': gsiPk,
        ...(query.fiscalYear !== undefined && { ':fy': fiscalYearPrefix(query.fiscalYear) }),
        ...(query.country !== undefined && { ':country': query.country }),
      },
      ...(query.country !== undefined && { FilterExpression: 'country = :country' }),
    };
    const page = await this.queryPage(input, query, {
      keys: ['pk', 'sk', GSI2.pk, GSI2.sk],
      fixed: { [GSI2.pk]: gsiPk },
    });
    const latest = await this.latestRevisions([...new Set(page.items.map((item) => item.sheetId as string))]);
    const items = page.items
      .filter((item) => latest.get(item.sheetId as string) === item.revision)
      .map((item) => ({
        ...(JSON.parse(item.data as string) as Figure),
        sheetId: item.sheetId as string,
        revision: item.revision as number,
        country: (item.country as string | null) ?? null,
      }));
    return { ...page, items };
  }

  /**
   * Completes a publish whose writer stopped after the META flip (marker and projection of the latest
   * revision). Idempotent; cheap when there is nothing to do.
   */
  async finalizeLatest(id: string): Promise<void> {
    const meta = await this.getMetaItem(id);
    if (!meta || meta.projectedRevision === meta.latestRevision) return;
    const head = await this.getItem(sheetPk(id), attemptHeaderSk(meta.latestRevision, meta.latestAttempt));
    if (!head) return;
    const figures = await this.getFigures(id, meta.latestRevision);
    await this.finalize(id, meta.latestRevision, meta.latestAttempt, readBody(head), figures);
  }

  /** Test seam: runs between the child writes and the META flip (failure injection). */
  protected async beforeFlip(_id: string, _revision: number): Promise<void> {}

  /**
   * The conditional META flip. Returns the LATEST#F projection as it stood (sort key → revision) when the
   * old META proves it complete, which saves reading it back; undefined when unknown.
   */
  private async flip(
    input: PublishInput,
    attempt: string,
    now: string,
  ): Promise<Map<string, unknown> | undefined> {
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
      if (old?.latestRevision === undefined) return new Map();
      if (old.projectedRevision !== old.latestRevision || !old.counts) return undefined;
      const rev = old.latestRevision;
      return new Map(Array.from({ length: old.counts.figures }, (_, n) => [latestFigureSk(n), rev]));
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

  /** Marker + projection for `revision`, then `META.projectedRevision`; starts over if META moved on. */
  private async finalize(
    id: string,
    revision: number,
    attempt: string,
    body: HeaderItemBody,
    figures: readonly Figure[],
    projected?: Map<string, unknown>,
  ): Promise<void> {
    let target = { revision, attempt, body, figures };
    let known = projected;
    for (let round = 0; round < 5; round++) {
      const marker = markerItem(target.body, target.attempt, {
        [GSI1.pk]: revisionsGsiPk(id),
        [GSI1.sk]: pad(target.revision, 8),
      });
      const requests: WriteRequest[] = [{ PutRequest: { Item: marker } }];
      requests.push(
        ...(await this.projectionWrites(id, target.revision, target.body, target.figures, known)),
      );
      known = undefined;
      await this.write(requests);
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
      // A newer revision was flipped while we projected ours: project that one instead.
      const meta = await this.getMetaItem(id);
      if (!meta || meta.projectedRevision === meta.latestRevision) return;
      const head = await this.getItem(sheetPk(id), attemptHeaderSk(meta.latestRevision, meta.latestAttempt));
      if (!head) return;
      target = {
        revision: meta.latestRevision,
        attempt: meta.latestAttempt,
        body: readBody(head),
        figures: await this.getFigures(id, meta.latestRevision),
      };
    }
  }

  private async projectionWrites(
    id: string,
    revision: number,
    body: HeaderItemBody,
    figures: readonly Figure[],
    known?: Map<string, unknown>,
  ): Promise<WriteRequest[]> {
    const pk = sheetPk(id);
    const current =
      known ??
      new Map(
        (
          await this.queryAll({
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': pk, ':prefix': LATEST_FIGURE_PREFIX },
            ProjectionExpression: 'sk, revision',
          })
        ).map((item) => [item.sk, item.revision]),
      );
    const requests: WriteRequest[] = [];
    figures.forEach((figure, n) => {
      const sk = latestFigureSk(n);
      if (current.get(sk) === revision) return;
      const item: Item = {
        pk,
        sk,
        sheetId: id,
        revision,
        country: body.sheet.country,
        data: JSON.stringify(figure),
        [GSI2.pk]: figureGsiPk(figure.kind),
        [GSI2.sk]: figureGsiSk(fiscalYearOf(figure), id, n),
      };
      requests.push({ PutRequest: { Item: item } });
    });
    for (const sk of current.keys()) {
      if (Number(sk.slice(LATEST_FIGURE_PREFIX.length)) >= figures.length) {
        requests.push({ DeleteRequest: { Key: { pk, sk } } });
      }
    }
    return requests;
  }

  /** Best-effort removal of an attempt that will never be committed. */
  private async discard(items: readonly Item[]): Promise<void> {
    const keys = items.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }) as WriteRequest);
    try {
      await this.write(keys);
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
    const marker = await this.getItem(sheetPk(id), revisionSk(revision));
    const attempt =
      (marker?.attempt as string | undefined) ?? (await this.uncommittedLatestAttempt(id, revision));
    if (!attempt) return { sections: [], figures: [], text: '' };
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': sheetPk(id),
        ':prefix': `${attemptPrefix(revision, attempt)}${kind}#`,
      },
    });
    return assembleContent(items, revision, attempt);
  }

  private async latestRevisions(ids: readonly string[]): Promise<Map<string, number>> {
    const latest = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] = ids
        .slice(i, i + 100)
        .map((id) => ({ pk: sheetPk(id), sk: META_SK }));
      for (let attempt = 0; keys.length > 0; attempt++) {
        try {
          const res = await this.client.send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: keys, ProjectionExpression: 'id, latestRevision' } },
            }),
          );
          for (const item of res.Responses?.[this.tableName] ?? []) {
            latest.set(item.id as string, item.latestRevision as number);
          }
          keys = (res.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
        } catch (err) {
          translateAwsError(err, 'DynamoDB BatchGetItem');
        }
        if (keys.length > 0) {
          if (attempt + 1 >= this.backoff.maxAttempts) break;
          await this.backoff.sleep(
            Math.floor(this.backoff.random() * this.backoff.baseDelayMs * 2 ** attempt),
          );
        }
      }
    }
    return latest;
  }

  private async getMetaItem(id: string): Promise<MetaItem | null> {
    const item = await this.getItem(sheetPk(id), META_SK);
    return item && typeof item.latestRevision === 'number' ? (item as unknown as MetaItem) : null;
  }

  private async getItem(pk: string, sk: string): Promise<Item | null> {
    try {
      const res = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: true }),
      );
      return (res.Item as Item | undefined) ?? null;
    } catch (err) {
      return translateAwsError(err, 'DynamoDB GetItem');
    }
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      try {
        const res = await this.client.send(
          new QueryCommand({
            ...input,
            TableName: this.tableName,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...((res.Items ?? []) as Item[]));
        start = res.LastEvaluatedKey;
      } catch (err) {
        translateAwsError(err, 'DynamoDB Query');
      }
    } while (start);
    return items;
  }

  private async queryPage(
    input: Omit<QueryCommandInput, 'TableName'>,
    page: PageRequest,
    cursorShape: Parameters<typeof decodeCursor>[1],
  ): Promise<Page<Item>> {
    const limit = checkLimit(page.limit);
    const start = page.cursor === undefined ? undefined : decodeCursor(page.cursor, cursorShape);
    try {
      const res = await this.client.send(
        new QueryCommand({ ...input, TableName: this.tableName, Limit: limit, ExclusiveStartKey: start }),
      );
      const nextCursor = encodeCursor(res.LastEvaluatedKey);
      return { items: (res.Items ?? []) as Item[], ...(nextCursor !== undefined && { nextCursor }) };
    } catch (err) {
      return translateAwsError(err, 'DynamoDB Query');
    }
  }

  private async write(requests: readonly WriteRequest[]): Promise<void> {
    await batchWriteAll(this.client, this.tableName, requests, this.backoff);
  }
}

function publicMeta(item: MetaItem): SheetMeta {
  const meta: Record<string, unknown> = { ...item };
  for (const name of INTERNAL_META) delete meta[name];
  return meta as unknown as SheetMeta;
}
