/**
 * The README tour on the in-process runtime: the seed publishes sources/mali.txt, a refresh (here: its
 * PutObject) writes sources/mali.html → revision 2. Both keys stay (nothing may delete), and a restart
 * must not re-ingest the older .txt — before the fix it published the old text as revision 3.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, type RuntimeHandle } from '../../../infra/local/runtime';
import { documentClient, s3Client } from '../../../shared/aws/clients';
import { sha256Hex } from '../../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
import { startFreshRuntime } from '../../support/fresh-runtime';
import { fixture } from '../../support/pipeline-deps';

const HTML = fixture('sheets/mali.html');

describe('local runtime restart with both source keys of a sheet', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-slot-'));
  let runtime: RuntimeHandle | undefined;
  const start = () => startFreshRuntime({ port: 0, dataDir, refreshRateMs: null, retryBackoffMs: () => 20 });
  const meta = () => new DynamoSheetRepository(documentClient(), LOCAL_TABLE_NAME).getMeta('mali');

  afterAll(async () => {
    await runtime?.stop();
  });

  it('keeps the newer .html published across restarts', async () => {
    runtime = await start();
    expect(runtime.seeded).toEqual(['sources/mali.txt']);
    expect((await meta())?.latestRevision).toBe(1);

    // S3 LastModified has one-second precision: the .html must be written in a later second.
    await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));
    await s3Client().send(
      new PutObjectCommand({
        Bucket: LOCAL_BUCKET_NAME,
        Key: 'sources/mali.html',
        Body: HTML,
        ContentType: 'text/html',
      }),
    );
    for (let i = 0; i < 100 && (await meta())?.latestRevision !== 2; i++) {
      await runtime.idle();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await meta()).toMatchObject({ latestRevision: 2, sourceHash: sha256Hex(HTML) });

    for (let restart = 0; restart < 2; restart++) {
      await runtime.stop();
      runtime = await start();
      await runtime.idle();
      expect(runtime.firstStart).toBe(false);
      expect(runtime.reconciled).toEqual([]);
      expect(await meta()).toMatchObject({ latestRevision: 2, sourceHash: sha256Hex(HTML) });
    }
  });
});
