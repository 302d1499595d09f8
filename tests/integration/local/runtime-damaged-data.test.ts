/**
 * A damaged DATA_DIR: an unpublished upload truncated on disk (its bytes no longer have the MD5 s3rver
 * recorded) is reported and never published, on this start and the next; an empty object-metadata file
 * fails start-up with one message naming that file and what to do.
 */
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, type RuntimeHandle } from '../../../infra/local/runtime';
import { documentClient, s3Client } from '../../../shared/aws/clients';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
import { startFreshRuntime } from '../../support/fresh-runtime';
import { fixture } from '../../support/pipeline-deps';

const objectFile = (dataDir: string, key: string) =>
  join(dataDir, 's3', LOCAL_BUCKET_NAME, `${key}._S3rver_object`);
const metadataFile = (dataDir: string, key: string) =>
  join(dataDir, 's3', LOCAL_BUCKET_NAME, `${key}._S3rver_metadata.json`);

describe('local runtime on a damaged DATA_DIR', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-damaged-'));
  let runtime: RuntimeHandle | undefined;
  const start = (ingestDelayMs?: number) =>
    startFreshRuntime({
      port: 0,
      dataDir,
      refreshRateMs: null,
      retryBackoffMs: () => 20,
      ...(ingestDelayMs !== undefined && { ingestDelayMs }),
    });
  const errorsOf = (id: string) =>
    new DynamoSheetRepository(documentClient(), LOCAL_TABLE_NAME).listErrors(id, { limit: 10 });

  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
  });

  it('reports an unpublished upload truncated on disk and never publishes it', async () => {
    runtime = await start();
    await runtime.stop();
    // An upload the runtime stops before ingesting (the delay holds its event), as after a crash.
    runtime = await start(60_000);
    await s3Client().send(
      new PutObjectCommand({
        Bucket: LOCAL_BUCKET_NAME,
        Key: 'sources/kenya.html',
        Body: fixture('sheets/kenya-archive.html'),
        ContentType: 'text/html',
      }),
    );
    await runtime.stop();
    const file = objectFile(dataDir, 'sources/kenya.html');
    truncateSync(file, Math.floor(readFileSync(file).length / 2));

    runtime = await start();
    expect(runtime.reconciled).toEqual([]);
    expect(runtime.unrecovered).toEqual([{ key: 'sources/kenya.html', reason: 'corrupt-object' }]);
    const res = await fetch(`${runtime.url}/sheets/kenya`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { lastError?: { reason: string; message: string } };
    expect(body.lastError).toMatchObject({
      reason: 'corrupt-object',
      message: expect.stringContaining('sources/kenya.html is damaged'),
    });
    const recorded = (await errorsOf('kenya')).items.length;
    await runtime.stop();

    // Reported once: the next start skips those bytes (and still comes up).
    runtime = await start();
    expect(runtime.unrecovered).toEqual([]);
    expect((await errorsOf('kenya')).items).toHaveLength(recorded);
    expect((await fetch(`${runtime.url}/sheets/mali`)).status).toBe(200);
  });

  it('fails start-up on an empty object-metadata file, naming it and what to do', async () => {
    const metadata = metadataFile(dataDir, 'sources/mali.txt');
    expect(existsSync(metadata)).toBe(true);
    const before = readFileSync(metadata);
    writeFileSync(metadata, '');
    await expect(start()).rejects.toThrow(
      expect.objectContaining({
        code: 'data-dir',
        message: expect.stringMatching(/mali\.txt\._S3rver_metadata\.json is empty or not JSON.*restore it/),
      }),
    );
    expect(readFileSync(metadata, 'utf8')).toBe('');
    writeFileSync(metadata, before);
  });
});
