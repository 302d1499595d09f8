/**
 * META of many sheets in one BatchGetItem (up to 100 keys a call, read consistently, like GetItem): what a
 * process serving many concurrent reads uses to revalidate the latest pointers of many sheets at once.
 * UnprocessedKeys are retried with the table's backoff; what is still unprocessed after that is a
 * TransientStoreError, like a throttled GetItem.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { TransientStoreError } from '../errors';
import { backoffDelay } from './batch-write';
import type { DynamoTable } from './dynamo-table';
import { META_SK, sheetPk } from './keys';
import { type MetaItem, publicMeta } from './meta-item';
import type { SheetMeta } from './ports';

const MAX_KEYS = 100;
const SHEET_PK_PREFIX = sheetPk('');

async function readChunk(table: DynamoTable, ids: readonly string[], found: Map<string, SheetMeta>) {
  let keys: Record<string, unknown>[] = ids.map((id) => ({ pk: sheetPk(id), sk: META_SK }));
  for (let attempt = 0; ; attempt++) {
    let unprocessed: Record<string, unknown>[];
    try {
      const res = await table.client.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of res.Responses?.[table.name] ?? []) {
        // A sheet that never published keeps only error records, so a META without a revision is none.
        if (typeof item.latestRevision !== 'number') continue;
        found.set(String(item.pk).slice(SHEET_PK_PREFIX.length), publicMeta(item as MetaItem));
      }
      unprocessed = (res.UnprocessedKeys?.[table.name]?.Keys ?? []) as Record<string, unknown>[];
    } catch (err) {
      return translateAwsError(err, 'DynamoDB BatchGetItem');
    }
    if (unprocessed.length === 0) return;
    if (attempt + 1 >= table.backoff.maxAttempts) {
      throw new TransientStoreError(
        `DynamoDB left ${unprocessed.length} META reads unprocessed after ${table.backoff.maxAttempts} attempts`,
      );
    }
    keys = unprocessed;
    await table.backoff.sleep(backoffDelay(attempt, table.backoff));
  }
}

/** META of each id (null when the sheet has no published revision), in one call per 100 distinct ids. */
export async function readMetas(
  table: DynamoTable,
  ids: readonly string[],
): Promise<Map<string, SheetMeta | null>> {
  const distinct = [...new Set(ids)];
  const found = new Map<string, SheetMeta>();
  const chunks: string[][] = [];
  for (let i = 0; i < distinct.length; i += MAX_KEYS) chunks.push(distinct.slice(i, i + MAX_KEYS));
  await Promise.all(chunks.map((chunk) => readChunk(table, chunk, found)));
  return new Map(distinct.map((id) => [id, found.get(id) ?? null]));
}
