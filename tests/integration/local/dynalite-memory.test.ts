/**
 * dynalite keeps no memory per Query (infra/local/dynalite-iterators.ts): thousands of Queries, paged
 * and whole, against the emulators in a child process leave its heap after full GCs where it was. Before
 * the fix each Query kept its LevelDB iterator and decoded items, ~3 KB, so 2,500 Queries kept ~8 MB.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';

const QUERIES = 2500;
/** Generous: noise measured at well under 1 MB; the leak was over 10 MB. */
const CEILING_BYTES = 4 * 1024 * 1024;

let child: ChildProcess;

function nextMessage<T>(): Promise<T> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
}

async function heapUsed(): Promise<number> {
  const reply = nextMessage<{ heapUsed: number }>();
  child.send('heap');
  return (await reply).heapUsed;
}

afterAll(() => {
  child?.disconnect();
});

it('keeps no heap per Query after GC', async () => {
  child = fork(join(__dirname, '../../support/emulator-heap-child.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const { dynamoEndpoint } = await nextMessage<{ dynamoEndpoint: string }>();
  const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'us-east-1' });
  const TableName = 'heap-probe';
  await client.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  for (let i = 0; i < 120; i++) {
    await client.send(
      new PutItemCommand({
        TableName,
        Item: {
          pk: { S: 'SHEET#x' },
          sk: { S: `F#${String(i).padStart(5, '0')}` },
          v: { S: 'x'.repeat(200) },
        },
      }),
    );
  }
  const query = (i: number) =>
    client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': { S: 'SHEET#x' } },
        // Paged (the iterator stops early) and whole (it runs to its end): both leaked.
        ...(i % 2 === 0 && { Limit: 10 }),
      }),
    );
  // Warm-up: code, caches and the table's first reads are not per-Query memory.
  for (let i = 0; i < 200; i++) await query(i);
  const before = await heapUsed();
  for (let i = 0; i < QUERIES; i++) {
    await query(i);
    if (i % 10 === 0) {
      await client.send(
        new GetItemCommand({ TableName, Key: { pk: { S: 'SHEET#x' }, sk: { S: 'F#00001' } } }),
      );
    }
  }
  const after = await heapUsed();
  client.destroy();
  expect(after - before).toBeLessThan(CEILING_BYTES);
});
