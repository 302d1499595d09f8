/**
 * Child process for bench/api.ts: fills a DATA_DIR with N published sheets quickly, then stops cleanly
 * (so the runtime started on it next skips reconciliation). The local runtime starts on the DATA_DIR
 * (seeding Mali as on any first start); each sheet is the Mali text with one line of its own, parsed and
 * published straight through the DynamoDB sheet repository — the revision document, header, META flip,
 * commit marker and projection ingest's publish step writes — instead of an upload each (no HTTP, S3
 * event, upload record or archived source). Prints `SEEDED {json}` when done.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRuntime } from '../infra/local/runtime';
import { documentClient, s3Client } from '../shared/aws/clients';
import { S3RevisionDocuments } from '../shared/blobs/s3-revision-documents';
import { loadConfig } from '../shared/config';
import { parseSheet } from '../shared/index';
import { DynamoSheetRepository } from '../shared/store/dynamo-sheets';

const [dataDir, countArg, prefix = 'scale-'] = process.argv.slice(2);
const MALI = readFileSync(join(__dirname, '..', 'fixtures', 'sheets', 'mali.txt'), 'utf8');

/** The id of the i-th seeded sheet (bench/api.ts requests the same). */
export const scaleSheetId = (seedPrefix: string, i: number) => `${seedPrefix}${String(i).padStart(5, '0')}`;

async function main(): Promise<void> {
  if (!dataDir || !(Number(countArg) > 0))
    throw new Error('usage: api-scale-seed.ts DATA_DIR COUNT [PREFIX]');
  const count = Number(countArg);
  const runtime = await startRuntime({ port: 0, dataDir, refreshRateMs: null });
  const config = loadConfig();
  const repo = new DynamoSheetRepository(documentClient(), config.tableName, {
    documents: new S3RevisionDocuments(s3Client(), config.bucketName),
  });
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const id = scaleSheetId(prefix, i);
      const sheet = parseSheet(
        `${MALI}\nUpdate ${id}: the United States provided $${i + 3} million in FY2021.\n`,
        {
          id,
          contentType: 'text/plain',
        },
      );
      await repo.publishRevision({
        sheet,
        archiveKey: `archive/${id}/${sheet.sourceHash}.txt`,
        reason: 'upload',
        diff: null,
        expectedLatest: 0,
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  const seconds = (performance.now() - t0) / 1000;
  await runtime.stop();
  console.log(`SEEDED ${JSON.stringify({ count, seconds })}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  });
}
