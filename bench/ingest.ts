/**
 * `npm run bench -- ingest`: the ingest path on the embedded emulators (s3rver + dynalite, in-process).
 * Measures, per upload, PutObject → handler → the new revision readable (getMeta shows it); sheets/s over
 * 200 distinct uploads; DynamoDB write requests (and items) per revision. Baseline: one PutObject and one
 * DynamoDB PutItem in the same run, so numbers survive a noisy machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { handler } from '../functions/ingest';
import { startEmulators } from '../infra/local/emulators';
import { documentClient, resetClients, s3Client } from '../shared/aws/clients';
import { DynamoSheetRepository } from '../shared/store/dynamo-sheets';
import { tableDefinition } from '../shared/store/table-definition';
import { type BenchResult, fmt, median, percentile } from './harness';

const UPLOADS = 200;
const REVISIONS = 50;
const WRITE_COMMANDS = new Set([
  'BatchWriteItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
]);

function event(bucket: string, key: string): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: bucket }, object: { key } },
      },
    ],
  } as unknown as S3Event;
}

export async function run(): Promise<BenchResult> {
  // Clients and the handler's wiring are created on first use, so the environment is set before them.
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const emulators = await startEmulators();
  process.env.AWS_ENDPOINT_URL_S3 = emulators.s3Endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.dynamoEndpoint;
  process.env.TABLE_NAME = 'bench-ingest';
  process.env.BUCKET_NAME = 'bench-ingest';
  try {
    resetClients();
    const ddb = documentClient();
    const s3 = s3Client();
    await ddb.send(new CreateTableCommand(tableDefinition('bench-ingest')));
    await s3.send(new CreateBucketCommand({ Bucket: 'bench-ingest' }));
    const sheets = new DynamoSheetRepository(ddb, 'bench-ingest');

    const counts = { writes: 0, items: 0 };
    ddb.middlewareStack.add(
      (next, context) => async (args) => {
        const name = (context as { commandName?: string }).commandName ?? '';
        if (WRITE_COMMANDS.has(name)) {
          counts.writes++;
          const input = args.input as { RequestItems?: Record<string, unknown[]> };
          counts.items += input.RequestItems ? Object.values(input.RequestItems).flat().length : 1;
        }
        return next(args);
      },
      { step: 'initialize', name: 'benchWriteCounter' },
    );

    const base = readFileSync(join(__dirname, '..', 'fixtures', 'sheets', 'mali.txt'), 'utf8');
    const revised = readFileSync(join(__dirname, '..', 'fixtures', 'sheets', 'mali-revised.txt'), 'utf8');
    const uploadOne = async (id: string, text: string, expected: number) => {
      const key = `sources/${id}.txt`;
      const t0 = performance.now();
      await s3.send(new PutObjectCommand({ Bucket: 'bench-ingest', Key: key, Body: Buffer.from(text) }));
      await handler(event('bench-ingest', key));
      const meta = await sheets.getMeta(id);
      if (meta?.latestRevision !== expected) throw new Error(`${id}: expected revision ${expected}`);
      return performance.now() - t0;
    };

    for (let i = 0; i < 10; i++) await uploadOne(`warmup-${i}`, `${base}\nWarm-up ${i}.`, 1);

    counts.writes = 0;
    counts.items = 0;
    const firsts: number[] = [];
    const started = performance.now();
    for (let i = 0; i < UPLOADS; i++)
      firsts.push(await uploadOne(`sheet-${i}`, `${base}\nUpload number ${i}.`, 1));
    const elapsed = performance.now() - started;
    const firstWrites = counts.writes / UPLOADS;
    const firstItems = counts.items / UPLOADS;

    counts.writes = 0;
    counts.items = 0;
    const seconds: number[] = [];
    for (let i = 0; i < REVISIONS; i++)
      seconds.push(await uploadOne(`sheet-${i}`, `${revised}\nUpload number ${i}.`, 2));
    const secondWrites = counts.writes / REVISIONS;
    const secondItems = counts.items / REVISIONS;

    const putObject: number[] = [];
    const putItem: number[] = [];
    for (let i = 0; i < 50; i++) {
      let t0 = performance.now();
      await s3.send(new PutObjectCommand({ Bucket: 'bench-ingest', Key: `baseline/${i}`, Body: base }));
      putObject.push(performance.now() - t0);
      t0 = performance.now();
      await ddb.send(new PutCommand({ TableName: 'bench-ingest', Item: { pk: `BASE#${i}`, sk: 'X', v: i } }));
      putItem.push(performance.now() - t0);
    }

    return {
      title: `Ingest on the emulators: PutObject → revision readable (${UPLOADS} distinct uploads, ${REVISIONS} revisions)`,
      rows: [
        {
          name: 'first upload (revision 1)',
          values: {
            'p50 ms': fmt(median(firsts)),
            'p95 ms': fmt(percentile(firsts, 95)),
            'sheets/s': fmt(UPLOADS / (elapsed / 1000)),
            'write requests/rev': fmt(firstWrites, 1),
            'items written/rev': fmt(firstItems, 1),
          },
        },
        {
          name: 'revised upload (revision 2, with diff)',
          values: {
            'p50 ms': fmt(median(seconds)),
            'p95 ms': fmt(percentile(seconds, 95)),
            'write requests/rev': fmt(secondWrites, 1),
            'items written/rev': fmt(secondItems, 1),
          },
        },
        {
          name: 'baseline: one S3 PutObject',
          values: { 'p50 ms': fmt(median(putObject)), 'p95 ms': fmt(percentile(putObject, 95)) },
        },
        {
          name: 'baseline: one DynamoDB PutItem',
          values: { 'p50 ms': fmt(median(putItem)), 'p95 ms': fmt(percentile(putItem, 95)) },
        },
      ],
      notes: [
        'Goal: p50 ≤ 30 ms for PutObject → revision readable. Sequential uploads, one process, 2 cores.',
      ],
    };
  } finally {
    await emulators.stop();
  }
}
