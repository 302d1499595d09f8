/**
 * BatchWriteItem for any number of requests: 25 per call, calls in parallel, UnprocessedItems retried with
 * exponential backoff and full jitter, a bounded number of times. What is still unprocessed after that is a
 * TransientStoreError (the caller's retry, or Lambda's, takes over).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { TransientStoreError } from '../errors';

export type WriteRequest =
  | { PutRequest: { Item: Record<string, unknown> } }
  | { DeleteRequest: { Key: Record<string, unknown> } };

export interface BackoffOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const defaultBackoff: BackoffOptions = {
  maxAttempts: 8,
  baseDelayMs: 10,
  maxDelayMs: 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

const BATCH_SIZE = 25;

/** Full-jitter delay for retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(options.random() * cap);
}

async function writeChunk(
  client: DynamoDBDocumentClient,
  table: string,
  chunk: WriteRequest[],
  options: BackoffOptions,
): Promise<void> {
  let pending = chunk;
  for (let attempt = 0; ; attempt++) {
    let unprocessed: WriteRequest[];
    try {
      const res = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      unprocessed = (res.UnprocessedItems?.[table] ?? []) as WriteRequest[];
    } catch (err) {
      translateAwsError(err, 'DynamoDB BatchWriteItem');
    }
    if (unprocessed.length === 0) return;
    if (attempt + 1 >= options.maxAttempts) {
      throw new TransientStoreError(
        `DynamoDB left ${unprocessed.length} items unprocessed after ${options.maxAttempts} attempts`,
      );
    }
    pending = unprocessed;
    await options.sleep(backoffDelay(attempt, options));
  }
}

/** Writes every request; resolves when all are processed. */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  table: string,
  requests: readonly WriteRequest[],
  options: BackoffOptions = defaultBackoff,
): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH_SIZE) chunks.push(requests.slice(i, i + BATCH_SIZE));
  await Promise.all(chunks.map((chunk) => writeChunk(client, table, chunk, options)));
}
