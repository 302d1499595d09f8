/**
 * A restart reconciles only what ingest has not seen: a first upload that was rejected (no META, only an
 * error record) is not ingested — and rejected — again on every start.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, type RuntimeHandle } from '../../../infra/local/runtime';
import { documentClient, s3Client } from '../../../shared/aws/clients';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
import { startFreshRuntime } from '../../support/fresh-runtime';

describe('local runtime restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-restart-'));
  let runtime: RuntimeHandle | undefined;
  // Fresh modules per start, as a new process: the handlers' clients must follow the new emulator ports.
  const start = () => startFreshRuntime({ port: 0, dataDir, refreshRateMs: null, retryBackoffMs: () => 20 });
  const errorsOf = (id: string) =>
    new DynamoSheetRepository(documentClient(), LOCAL_TABLE_NAME).listErrors(id, { limit: 10 });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('does not re-ingest a rejected first upload on the next start', async () => {
    runtime = await start();
    await s3Client().send(
      new PutObjectCommand({
        Bucket: LOCAL_BUCKET_NAME,
        Key: 'sources/ghost.txt',
        Body: Buffer.from([0x55, 0x00, 0x53, 0x00]),
        ContentType: 'text/plain',
      }),
    );
    for (let i = 0; i < 100 && (await errorsOf('ghost')).items.length === 0; i++) {
      await runtime.idle();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await errorsOf('ghost')).items).toEqual([expect.objectContaining({ reason: 'binary' })]);
    await runtime.stop();
    // Nothing was in flight: a clean stop, which lets the next start skip reconciliation.
    const marker = join(dataDir, 'clean-stop.json');
    expect(existsSync(marker)).toBe(true);

    runtime = await start();
    await runtime.idle();
    expect(runtime.firstStart).toBe(false);
    // Taken: a crash from here on means a full reconcile on the start after it.
    expect(existsSync(marker)).toBe(false);
    expect(runtime.reconciled).not.toContain('sources/ghost.txt');
    expect((await errorsOf('ghost')).items).toHaveLength(1);
    expect((await fetch(`${runtime.url}/sheets/mali`)).status).toBe(200);
    expect(existsSync(runtime.deadLetterFile)).toBe(false);
  });
});
