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
import { S3RevisionDocuments } from '../shared/blobs/s3-revision-documents';
import { DynamoSheetRepository } from '../shared/store/dynamo-sheets';
import { tableDefinition } from '../shared/store/table-definition';
import { type BenchResult, fmt, median, percentile } from './harness';
import { runUploadBench } from './ingest-upload';

const UPLOADS = 200;
const REVISIONS = 50;
interface Sample {
  readable: number;
  done: number;
}

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

export async function run(): Promise<BenchResult[]> {
  const handlerPath = await runHandlerBench();
  return [handlerPath, await runUploadBench()];
}

async function runHandlerBench(): Promise<BenchResult> {
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
    const sheets = new DynamoSheetRepository(ddb, 'bench-ingest', {
      documents: new S3RevisionDocuments(s3, 'bench-ingest'),
    });

    const counts = { writes: 0, items: 0 };
    // When the conditional META flip returns, readers resolve the new revision: that is "readable".
    let flippedAt = 0;
    ddb.middlewareStack.add(
      (next, context) => async (args) => {
        const name = (context as { commandName?: string }).commandName ?? '';
        if (WRITE_COMMANDS.has(name)) {
          counts.writes++;
          const input = args.input as { RequestItems?: Record<string, unknown[]> };
          counts.items += input.RequestItems ? Object.values(input.RequestItems).flat().length : 1;
        }
        const result = await next(args);
        const values = (args.input as { ExpressionAttributeValues?: Record<string, unknown> })
          .ExpressionAttributeValues;
        if (name === 'UpdateItemCommand' && values && ':attempt' in values) flippedAt = performance.now();
        return result;
      },
      { step: 'initialize', name: 'benchWriteCounter' },
    );

    const base = readFileSync(join(__dirname, '..', 'fixtures', 'sheets', 'mali.txt'), 'utf8');
    const revised = readFileSync(join(__dirname, '..', 'fixtures', 'sheets', 'mali-revised.txt'), 'utf8');
    const uploadOne = async (id: string, text: string, expected: number): Promise<Sample> => {
      const key = `sources/${id}.txt`;
      const t0 = performance.now();
      await s3.send(new PutObjectCommand({ Bucket: 'bench-ingest', Key: key, Body: Buffer.from(text) }));
      await handler(event('bench-ingest', key));
      const done = performance.now();
      const meta = await sheets.getMeta(id);
      if (meta?.latestRevision !== expected) throw new Error(`${id}: expected revision ${expected}`);
      return { readable: flippedAt - t0, done: done - t0 };
    };

    for (let i = 0; i < 10; i++) await uploadOne(`warmup-${i}`, `${base}\nWarm-up ${i}.`, 1);

    const measure = async (n: number, text: string, expected: number) => {
      counts.writes = 0;
      counts.items = 0;
      const samples: Sample[] = [];
      const started = performance.now();
      for (let i = 0; i < n; i++)
        samples.push(await uploadOne(`sheet-${i}`, `${text}\nUpload number ${i}.`, expected));
      const seconds = (performance.now() - started) / 1000;
      return { samples, perSecond: n / seconds, writes: counts.writes / n, items: counts.items / n };
    };
    const firsts = await measure(UPLOADS, base, 1);
    const seconds = await measure(REVISIONS, revised, 2);

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

    const row = (name: string, m: Awaited<ReturnType<typeof measure>>) => ({
      name,
      values: {
        'readable p50 ms': fmt(median(m.samples.map((s) => s.readable))),
        'readable p95 ms': fmt(
          percentile(
            m.samples.map((s) => s.readable),
            95,
          ),
        ),
        'done p50 ms': fmt(median(m.samples.map((s) => s.done))),
        'done p95 ms': fmt(
          percentile(
            m.samples.map((s) => s.done),
            95,
          ),
        ),
        'sheets/s': fmt(m.perSecond),
        'write requests/rev': fmt(m.writes, 1),
        'items written/rev': fmt(m.items, 1),
      },
    });
    const baseline = (name: string, samples: number[]) => ({
      name,
      values: { 'readable p50 ms': fmt(median(samples)), 'readable p95 ms': fmt(percentile(samples, 95)) },
    });
    return {
      title: `Ingest on the emulators: PutObject → revision readable (${UPLOADS} distinct uploads, ${REVISIONS} revisions)`,
      rows: [
        row(`first upload → revision 1 (${UPLOADS} sheets)`, firsts),
        row(`revised upload → revision 2 with diff (${REVISIONS})`, seconds),
        baseline('baseline: one S3 PutObject', putObject),
        baseline('baseline: one DynamoDB PutItem', putItem),
      ],
      notes: [
        'readable = PutObject start → the conditional META flip returned (readers resolve the new revision from then on);',
        'done = the handler returned (commit marker, LATEST#F projection and its check written too).',
        'Goal: p50 ≤ 30 ms readable. Sequential uploads; emulators in the same process; baselines from this run.',
      ],
    };
  } finally {
    await emulators.stop();
  }
}
