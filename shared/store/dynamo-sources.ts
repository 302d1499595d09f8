/**
 * SourceRepository over the single table: `SOURCE#{id}` / `SOURCE`, listed through gsi1 (`SOURCES` / `{id}`)
 * with Query, never Scan. SDK failures become domain errors here.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { NotFoundError } from '../errors';
import { listGsi1Partition } from './gsi1-list';
import type { Page, PageRequest, SourceRecord, SourceRepository } from './ports';
import type { SourceCheck } from './source-check';
import { GSI1, KEY } from './table-definition';

const SK = 'SOURCE';
const LIST_PK = 'SOURCES';
const RECORD_FIELDS = [
  'id',
  'url',
  'enabled',
  'etag',
  'lastModified',
  'contentHash',
  'lastCheckedAt',
  'lastStatus',
  'lastError',
  'createdAt',
  'updatedAt',
] as const;

/** The table key of a source item. */
export function sourceKey(id: string) {
  return { [KEY.pk]: `SOURCE#${id}`, [KEY.sk]: SK };
}

function toRecord(item: Record<string, unknown>): SourceRecord {
  const record: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) if (item[field] !== undefined) record[field] = item[field];
  return record as unknown as SourceRecord;
}

function isConditionFailure(err: unknown): boolean {
  return (
    err instanceof ConditionalCheckFailedException ||
    (err as Error)?.name === 'ConditionalCheckFailedException'
  );
}

export class DynamoSourceRepository implements SourceRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<SourceRecord | null> {
    try {
      const res = await this.client.send(new GetCommand({ TableName: this.tableName, Key: sourceKey(id) }));
      return res.Item ? toRecord(res.Item) : null;
    } catch (err) {
      return translateAwsError(err, `get source ${id}`);
    }
  }

  list(page: PageRequest): Promise<Page<SourceRecord>> {
    return listGsi1Partition(this.client, this.tableName, LIST_PK, page, toRecord, 'list sources');
  }

  async listEnabled(): Promise<SourceRecord[]> {
    const enabled: SourceRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: 100, ...(cursor !== undefined && { cursor }) });
      enabled.push(...page.items.filter((r) => r.enabled));
      cursor = page.nextCursor;
    } while (cursor);
    return enabled;
  }

  async put(record: SourceRecord): Promise<void> {
    const item = { ...sourceKey(record.id), [GSI1.pk]: LIST_PK, [GSI1.sk]: record.id, ...record };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (err) {
      translateAwsError(err, `put source ${record.id}`);
    }
  }

  async delete(id: string): Promise<boolean> {
    try {
      const res = await this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: sourceKey(id), ReturnValues: 'ALL_OLD' }),
      );
      return res.Attributes !== undefined;
    } catch (err) {
      return translateAwsError(err, `delete source ${id}`);
    }
  }

  /**
   * Merges a check result (see source-check.ts: `undefined` values remove the attribute). The item must
   * exist: a source deleted while a refresh was running is not resurrected (NotFoundError).
   */
  async recordCheck(id: string, update: SourceCheck): Promise<void> {
    const names: Record<string, string> = { '#pk': KEY.pk };
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    Object.entries(update).forEach(([field, value], i) => {
      names[`#f${i}`] = field;
      if (value === undefined) removes.push(`#f${i}`);
      else {
        values[`:v${i}`] = value;
        sets.push(`#f${i} = :v${i}`);
      }
    });
    if (sets.length + removes.length === 0) return;
    const expression = [
      sets.length ? `SET ${sets.join(', ')}` : '',
      removes.length ? `REMOVE ${removes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: sourceKey(id),
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: names,
          ...(sets.length > 0 && { ExpressionAttributeValues: values }),
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) throw new NotFoundError(`source "${id}" is not registered`);
      translateAwsError(err, `record check of source ${id}`);
    }
  }
}
