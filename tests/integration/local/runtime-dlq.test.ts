/**
 * The runtime in-process on real emulators: the seed flows through S3 events into ingest, and an event that
 * keeps failing (its table is gone) is retried twice, then written to DATA_DIR/dead-letter.jsonl.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import type { DeadLetter } from '../../../infra/local/async-invoker';
import {
  LOCAL_BUCKET_NAME,
  LOCAL_TABLE_NAME,
  type RuntimeHandle,
  startRuntime,
} from '../../../infra/local/runtime';
import { documentClient, s3Client } from '../../../shared/aws/clients';

describe('local runtime (in-process)', () => {
  let runtime: RuntimeHandle;

  beforeAll(async () => {
    runtime = await startRuntime({
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'runtime-dlq-')),
      refreshRateMs: null,
      retryBackoffMs: () => 20,
    });
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('is ready with the seed published through the S3 event path', async () => {
    expect(runtime.firstStart).toBe(true);
    expect(runtime.seeded).toEqual(['sources/mali.txt']);
    const response = await fetch(`${runtime.url}/sheets/mali`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'mali', latestRevision: 1 });
    expect(existsSync(runtime.deadLetterFile)).toBe(false);
  });

  it('dead-letters an event whose ingest fails three times, with the real S3 record and the error', async () => {
    await documentClient().send(new DeleteTableCommand({ TableName: LOCAL_TABLE_NAME }));
    await s3Client().send(
      new PutObjectCommand({
        Bucket: LOCAL_BUCKET_NAME,
        Key: 'sources/lost cause.txt',
        Body: 'U.S. Relations With Nowhere\n\n$5 million in FY 2021.',
        ContentType: 'text/plain; charset=utf-8',
      }),
    );
    for (let i = 0; i < 100 && !existsSync(runtime.deadLetterFile); i++) {
      await runtime.idle();
      await new Promise((r) => setTimeout(r, 50));
    }
    const letters = readFileSync(runtime.deadLetterFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DeadLetter);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ function: 'ingest', attempts: 3 });
    expect(letters[0]!.error.message.length).toBeGreaterThan(0);
    const record = (letters[0]!.event as S3Event).Records[0]!;
    expect(record.eventVersion).toBe('2.1');
    expect(record.s3.bucket.arn).toBe(`arn:aws:s3:::${LOCAL_BUCKET_NAME}`);
    expect(record.s3.object.key).toBe('sources/lost+cause.txt');
  });
});
