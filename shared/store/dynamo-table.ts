/**
 * The few table operations every DynamoDB repository here needs, with SDK errors translated to domain
 * errors: consistent reads, paged queries behind opaque cursors, batched writes and reads with backoff.
 */
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { TransientStoreError, ValidationError } from '../errors';
import {
  type BackoffOptions,
  backoffDelay,
  batchWriteAll,
  defaultBackoff,
  type WriteRequest,
} from './batch-write';
import { type CursorShape, checkLimit, decodeCursor, encodeCursor } from './cursor';
import type { Page, PageRequest } from './ports';

export type Item = Record<string, unknown> & { pk: string; sk: string };
export type QueryInput = Omit<QueryCommandInput, 'TableName'>;

export class DynamoTable {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
    readonly backoff: BackoffOptions = defaultBackoff,
  ) {}

  async getItem(pk: string, sk: string): Promise<Item | null> {
    try {
      const res = await this.client.send(
        new GetCommand({ TableName: this.name, Key: { pk, sk }, ConsistentRead: true }),
      );
      return (res.Item as Item | undefined) ?? null;
    } catch (err) {
      return translateAwsError(err, 'DynamoDB GetItem');
    }
  }

  async put(item: Item): Promise<void> {
    try {
      await this.client.send(new PutCommand({ TableName: this.name, Item: item }));
    } catch (err) {
      translateAwsError(err, 'DynamoDB PutItem');
    }
  }

  /** Every item the query matches (all pages), read consistently; main table only. */
  async queryAll(input: QueryInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      try {
        const res = await this.client.send(
          new QueryCommand({
            ...input,
            TableName: this.name,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of res.Items ?? []) items.push(item as Item);
        start = res.LastEvaluatedKey;
      } catch (err) {
        translateAwsError(err, 'DynamoDB Query');
      }
    } while (start);
    return items;
  }

  /** One Query request as given (any index, eventually consistent); the caller pages with `lastKey`. */
  async queryOnce(input: QueryInput): Promise<{ items: Item[]; lastKey?: Record<string, unknown> }> {
    try {
      const res = await this.client.send(new QueryCommand({ ...input, TableName: this.name }));
      return {
        items: (res.Items ?? []) as Item[],
        ...(res.LastEvaluatedKey && { lastKey: res.LastEvaluatedKey }),
      };
    } catch (err) {
      return translateAwsError(err, 'DynamoDB Query');
    }
  }

  /** One page; the cursor is checked against `cursorShape` so it cannot leave the query's partition. */
  async queryPage(input: QueryInput, page: PageRequest, cursorShape: CursorShape): Promise<Page<Item>> {
    const limit = checkLimit(page.limit);
    const start = page.cursor === undefined ? undefined : decodeCursor(page.cursor, cursorShape);
    try {
      const res = await this.client.send(
        new QueryCommand({ ...input, TableName: this.name, Limit: limit, ExclusiveStartKey: start }),
      );
      const nextCursor = encodeCursor(res.LastEvaluatedKey);
      return { items: (res.Items ?? []) as Item[], ...(nextCursor !== undefined && { nextCursor }) };
    } catch (err) {
      rejectRefusedCursor(err, start);
      return translateAwsError(err, 'DynamoDB Query');
    }
  }

  async write(requests: readonly WriteRequest[]): Promise<void> {
    await batchWriteAll(this.client, this.name, requests, this.backoff);
  }

  /** BatchGetItem for any number of keys, retrying UnprocessedKeys with backoff (bounded). */
  async batchGet(keys: readonly Record<string, unknown>[], projection?: string): Promise<Item[]> {
    const found: Item[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let pending = keys.slice(i, i + 100);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= this.backoff.maxAttempts) {
          throw new TransientStoreError(`DynamoDB left ${pending.length} keys unprocessed`);
        }
        if (attempt > 0) await this.backoff.sleep(backoffDelay(attempt - 1, this.backoff));
        try {
          const res = await this.client.send(
            new BatchGetCommand({
              RequestItems: {
                [this.name]: { Keys: pending, ...(projection && { ProjectionExpression: projection }) },
              },
            }),
          );
          for (const item of res.Responses?.[this.name] ?? []) found.push(item as Item);
          pending = (res.UnprocessedKeys?.[this.name]?.Keys ?? []) as Record<string, unknown>[];
        } catch (err) {
          translateAwsError(err, 'DynamoDB BatchGetItem');
        }
      }
    }
    return found;
  }
}

/**
 * A cursor that passed decodeCursor yet became a start key DynamoDB refuses is still the caller's cursor
 * (a 400 naming it), not a server fault. Without a cursor the request is ours, so the error propagates.
 */
export function rejectRefusedCursor(err: unknown, start: unknown): void {
  if (start !== undefined && (err as { name?: string })?.name === 'ValidationException') {
    throw new ValidationError(
      'Invalid cursor: pass back the nextCursor of a previous page unchanged',
      'cursor',
    );
  }
}
