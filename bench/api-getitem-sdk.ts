/**
 * Child process for bench/api.ts: GetItem through the AWS SDK v3 document client (what a handler pays per
 * read) with `concurrency` requests in flight for `seconds`. Prints one JSON line {rps, p50, p99}.
 */
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { percentile } from './harness';

async function main(): Promise<void> {
  const [endpoint = '', concurrency = '10', seconds = '10'] = process.argv.slice(2);
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
    }),
  );
  const get = () =>
    client.send(new GetCommand({ TableName: 'bench', Key: { pk: 'SHEET#mali', sk: 'META' } }));
  for (let i = 0; i < 50; i++) await get();
  const latencies: number[] = [];
  const end = performance.now() + Number(seconds) * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await get();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  console.log(
    JSON.stringify({
      rps: latencies.length / Number(seconds),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
