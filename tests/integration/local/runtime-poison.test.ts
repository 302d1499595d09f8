/**
 * A poison pill: an upload that makes ingest throw on every attempt. After its retry budget it is a
 * rejection on the sheet (`ingest-failed`, naming its bytes) and one dead letter; the next start neither
 * retries it nor crashes, and does not list it as recovered.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, type RuntimeHandle } from '../../../infra/local/runtime';
import { documentClient, s3Client } from '../../../shared/aws/clients';
import { sha256Hex } from '../../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
import { startFreshRuntime } from '../../support/fresh-runtime';

const MARK = 'POISON-PILL';
let attempts = 0;

// Test-only: the parser crashes the way a stack overflow on hostile input does, for documents with MARK.
jest.mock('../../../shared/index', () => {
  const actual = jest.requireActual('../../../shared/index');
  return {
    ...actual,
    parseSheet: (source: string | Uint8Array, options: unknown) => {
      const text = typeof source === 'string' ? source : Buffer.from(source).toString('utf8');
      if (text.includes(MARK)) {
        attempts++;
        throw new RangeError('Maximum call stack size exceeded');
      }
      return actual.parseSheet(source, options);
    },
  };
});

describe('local runtime and a poison-pill upload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-poison-'));
  const bytes = Buffer.from(`U.S. Relations With Poison\n\n${MARK} $5 million in 2020.\n`);
  let runtime: RuntimeHandle | undefined;
  const start = () => startFreshRuntime({ port: 0, dataDir, refreshRateMs: null, retryBackoffMs: () => 20 });
  const errorsOf = (id: string) =>
    new DynamoSheetRepository(documentClient(), LOCAL_TABLE_NAME).listErrors(id, { limit: 10 });
  const deadLetters = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
  let recordedErrors = 0;

  afterAll(async () => {
    await runtime?.stop();
  });

  it('is recorded as ingest-failed after its retries, and dead-lettered once', async () => {
    runtime = await start();
    await s3Client().send(
      new PutObjectCommand({ Bucket: LOCAL_BUCKET_NAME, Key: 'sources/poison.txt', Body: bytes }),
    );
    for (let i = 0; i < 100 && attempts < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await runtime.idle();
    expect(attempts).toBe(3);
    expect(deadLetters(runtime.deadLetterFile)).toHaveLength(1);
    const errors = (await errorsOf('poison')).items;
    expect(errors[0]).toMatchObject({
      key: 'sources/poison.txt',
      reason: 'ingest-failed',
      message: expect.stringContaining('Maximum call stack size exceeded'),
      sourceHash: sha256Hex(bytes),
    });
    // The API shows the rejection to the client that uploaded it.
    const res = await fetch(`${runtime.url}/sheets/poison`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { lastError?: { reason: string } }).lastError?.reason).toBe(
      'ingest-failed',
    );
    recordedErrors = errors.length;
    await runtime.stop();
  });

  it('is neither retried nor reported as recovered on the next start, which comes up', async () => {
    runtime = await start();
    await runtime.idle();
    expect(attempts).toBe(3);
    expect(runtime.reconciled).toEqual([]);
    expect(runtime.unrecovered).toEqual([]);
    expect((await errorsOf('poison')).items).toHaveLength(recordedErrors);
    expect(deadLetters(runtime.deadLetterFile)).toHaveLength(1);
    expect((await fetch(`${runtime.url}/sheets/mali`)).status).toBe(200);
  });
});
