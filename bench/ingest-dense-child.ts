/**
 * One dense upload through the real ingest handler on fresh in-process emulators, in its own process so
 * its peak RSS is its own. Prints one JSON line: handler ms, outcome, figure count, RSS before and peak.
 * Run by bench/ingest-dense.ts: `tsx bench/ingest-dense-child.ts BYTES`.
 */
import { performance } from 'node:perf_hooks';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { startEmulators } from '../infra/local/emulators';
import { documentClient, s3Client } from '../shared/aws/clients';
import { DynamoSheetRepository } from '../shared/store/dynamo-sheets';
import { tableDefinition } from '../shared/store/table-definition';

const LINE = 'In FY 2020, the United States provided $5 million to the program, or 12 percent of the total. ';

export function denseDocument(bytes: number): string {
  const head = 'U.S. Relations With Mali\n\nU.S. Assistance to Mali\n\n';
  const body = LINE.repeat(Math.max(1, Math.ceil((bytes - head.length) / LINE.length)));
  return head + body.slice(0, Math.max(LINE.length, bytes - head.length));
}

async function main(): Promise<void> {
  const bytes = Number(process.argv[2]);
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: 'dense',
    BUCKET_NAME: 'dense',
  });
  const emulators = await startEmulators();
  process.env.AWS_ENDPOINT_URL_S3 = emulators.s3Endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.dynamoEndpoint;
  await documentClient().send(new CreateTableCommand(tableDefinition('dense')));
  await s3Client().send(new CreateBucketCommand({ Bucket: 'dense' }));
  const body = Buffer.from(denseDocument(bytes));
  await s3Client().send(new PutObjectCommand({ Bucket: 'dense', Key: 'sources/dense.txt', Body: body }));
  const { handler } = await import('../functions/ingest.js');
  const event = {
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: 'dense' }, object: { key: 'sources/dense.txt' } },
      },
    ],
  } as unknown as S3Event;
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await handler(event);
  const ms = performance.now() - t0;
  const outcome = result.outcomes[0] as { status: string; reason?: string } | undefined;
  const meta = await new DynamoSheetRepository(documentClient(), 'dense').getMeta('dense');
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ bytes: body.length, ms, status: outcome?.status, reason: outcome?.reason, figures: meta?.counts.figures ?? 0, rssBefore, peakRss })}\n`,
  );
  await emulators.stop();
  process.exit(0);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
