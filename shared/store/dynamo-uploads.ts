/**
 * UploadRepository over the single table, under the sheet's partition:
 * - `SHEET#{id}` / `UPLOAD#{uploadId}`: the upload record (GetItem, consistent). gsi1
 *   (`UPLOADS#{id}` / `{uploadedAt}#{uploadId}`) lists a sheet's uploads newest first.
 * - While pending it also carries gsi2 (`UPLOADS-PENDING#{id}` / `{uploadedAt}#{uploadId}`): a sparse index
 *   of the undecided ones, so superseding older uploads reads only those, never the whole history.
 * Query, never Scan. SDK failures become domain errors here.
 */
import { type DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { DynamoTable, type Item } from './dynamo-table';
import { sheetPk } from './keys';
import type { Page, PageRequest } from './ports';
import { GSI1, GSI2 } from './table-definition';
import type { PendingUpload, UploadOutcome, UploadRecord, UploadRepository } from './upload-ports';

export const UPLOAD_SK_PREFIX = 'UPLOAD#';
export const uploadSk = (uploadId: string): string => `${UPLOAD_SK_PREFIX}${uploadId}`;
export const uploadsGsiPk = (sheetId: string): string => `UPLOADS#${sheetId}`;
export const pendingUploadsGsiPk = (sheetId: string): string => `UPLOADS-PENDING#${sheetId}`;
const orderKey = (uploadedAt: string, uploadId: string) => `${uploadedAt}#${uploadId}`;

/** Pending uploads superseded per decision, at most: more are left to their own events. */
const MAX_SUPERSEDED_PER_DECISION = 100;

const RECORD_FIELDS = [
  'sheetId',
  'uploadId',
  'status',
  'uploadedAt',
  'decidedAt',
  'key',
  'bytes',
  'revision',
  'reason',
  'message',
  'supersededBy',
] as const;

function toRecord(item: Record<string, unknown>): UploadRecord {
  const record: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) if (item[field] !== undefined) record[field] = item[field];
  return record as unknown as UploadRecord;
}

function isConditionFailure(err: unknown): boolean {
  return (err as Error)?.name === 'ConditionalCheckFailedException';
}

/** The attributes an outcome sets; every other outcome attribute is removed. */
function outcomeAttributes(outcome: UploadOutcome): Record<string, unknown> {
  switch (outcome.status) {
    case 'published':
    case 'unchanged':
      return { revision: outcome.revision };
    case 'superseded':
      return outcome.by === undefined ? {} : { supersededBy: outcome.by };
    case 'rejected':
      return { reason: outcome.reason, message: outcome.message };
  }
}

const OUTCOME_ATTRIBUTES = ['revision', 'reason', 'message', 'supersededBy'] as const;

export class DynamoUploadRepository implements UploadRepository {
  private readonly table: DynamoTable;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.table = new DynamoTable(client, tableName);
  }

  async recordPending(upload: PendingUpload): Promise<void> {
    const order = orderKey(upload.uploadedAt, upload.uploadId);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: sheetPk(upload.sheetId),
            sk: uploadSk(upload.uploadId),
            [GSI1.pk]: uploadsGsiPk(upload.sheetId),
            [GSI1.sk]: order,
            [GSI2.pk]: pendingUploadsGsiPk(upload.sheetId),
            [GSI2.sk]: order,
            ...upload,
            status: 'pending',
          },
        }),
      );
    } catch (err) {
      translateAwsError(err, 'DynamoDB record pending upload');
    }
  }

  async recordOutcome(
    sheetId: string,
    uploadId: string,
    outcome: UploadOutcome,
    at: string,
  ): Promise<boolean> {
    const decided = await this.decide(sheetId, uploadId, outcome, at, ['pending', 'superseded']);
    if (!decided) return false;
    if (outcome.status !== 'superseded') {
      await this.supersedeOlder(sheetId, uploadId, decided.uploadedAt, at);
    }
    return true;
  }

  async get(sheetId: string, uploadId: string): Promise<UploadRecord | null> {
    const item = await this.table.getItem(sheetPk(sheetId), uploadSk(uploadId));
    return item ? toRecord(item) : null;
  }

  async list(sheetId: string, page: PageRequest): Promise<Page<UploadRecord>> {
    const pk = uploadsGsiPk(sheetId);
    const result = await this.table.queryPage(
      {
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
      },
      page,
      {
        keys: ['pk', 'sk', GSI1.pk, GSI1.sk],
        fixed: { [GSI1.pk]: pk, pk: sheetPk(sheetId) },
        prefixes: { sk: UPLOAD_SK_PREFIX },
      },
    );
    return { ...result, items: result.items.map(toRecord) };
  }

  /**
   * Sets the outcome when the upload's status is one of `from` (or it was never recorded: objects written
   * without the API). Returns the record as written, or null when the condition refused it.
   */
  private async decide(
    sheetId: string,
    uploadId: string,
    outcome: UploadOutcome,
    at: string,
    from: readonly string[],
  ): Promise<UploadRecord | null> {
    const sets: Record<string, unknown> = {
      sheetId,
      uploadId,
      status: outcome.status,
      decidedAt: at,
      ...outcomeAttributes(outcome),
    };
    const names: Record<string, string> = { '#pk': 'pk', '#st': 'status', '#ua': 'uploadedAt' };
    const values: Record<string, unknown> = {
      ':at': at,
      ':lpk': uploadsGsiPk(sheetId),
      ':lsk': orderKey(at, uploadId),
    };
    const setClauses = Object.entries(sets).map(([field, value], i) => {
      names[`#s${i}`] = field;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    setClauses.push('#ua = if_not_exists(#ua, :at)');
    names['#lpk'] = GSI1.pk;
    names['#lsk'] = GSI1.sk;
    setClauses.push('#lpk = :lpk', '#lsk = if_not_exists(#lsk, :lsk)');
    const removed = OUTCOME_ATTRIBUTES.filter((field) => !(field in sets));
    const removeClauses = [...removed, GSI2.pk, GSI2.sk].map((field, i) => {
      names[`#r${i}`] = field;
      return `#r${i}`;
    });
    const allowed = from.map((status, i) => {
      values[`:f${i}`] = status;
      return `#st = :f${i}`;
    });
    try {
      const res = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: sheetPk(sheetId), sk: uploadSk(uploadId) },
          UpdateExpression: `SET ${setClauses.join(', ')} REMOVE ${removeClauses.join(', ')}`,
          ConditionExpression: `attribute_not_exists(#pk) OR ${allowed.join(' OR ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return res.Attributes ? toRecord(res.Attributes) : null;
    } catch (err) {
      if (isConditionFailure(err)) return null;
      return translateAwsError(err, 'DynamoDB record upload outcome');
    }
  }

  /** Marks the sheet's pending uploads made before `uploadedAt` superseded by `winner`. */
  private async supersedeOlder(
    sheetId: string,
    winner: string,
    uploadedAt: string,
    at: string,
  ): Promise<void> {
    let pending: Item[];
    try {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: GSI2.name,
          KeyConditionExpression: '#pk = :pk AND #sk < :before',
          ExpressionAttributeNames: { '#pk': GSI2.pk, '#sk': GSI2.sk },
          ExpressionAttributeValues: {
            ':pk': pendingUploadsGsiPk(sheetId),
            ':before': orderKey(uploadedAt, winner),
          },
          Limit: MAX_SUPERSEDED_PER_DECISION,
        }),
      );
      pending = (res.Items ?? []) as Item[];
    } catch (err) {
      return translateAwsError(err, 'DynamoDB Query pending uploads');
    }
    for (const item of pending) {
      const older = toRecord(item);
      if (older.uploadId === winner) continue;
      // Still conditional on pending: one that was decided meanwhile keeps its outcome.
      await this.decide(sheetId, older.uploadId, { status: 'superseded', by: winner }, at, ['pending']);
    }
  }
}
