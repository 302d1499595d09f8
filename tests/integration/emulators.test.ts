import { createHash, randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { createTestResources } from '../support/resources';

describe('embedded emulators', () => {
  it('round-trips an object byte for byte and an item through the real SDK clients', async () => {
    const { tableName, bucketName } = await createTestResources('emu');
    const body = Buffer.from('U.S. Relations With Mali\u00a0— $148 million', 'utf8');
    await s3Client().send(new PutObjectCommand({ Bucket: bucketName, Key: 'sources/a b.txt', Body: body }));
    const got = await s3Client().send(new GetObjectCommand({ Bucket: bucketName, Key: 'sources/a b.txt' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);

    await documentClient().send(new PutCommand({ TableName: tableName, Item: { pk: 'x', sk: 'y', n: 1 } }));
    const item = await documentClient().send(
      new GetCommand({ TableName: tableName, Key: { pk: 'x', sk: 'y' } }),
    );
    expect(item.Item).toEqual({ pk: 'x', sk: 'y', n: 1 });
  });
});

describe('s3rver object replacement (infra/local/s3rver-atomic-puts.ts)', () => {
  it('never serves a mix of two PUTs: every concurrent GET returns one whole version', async () => {
    const { bucketName } = await createTestResources('atomic');
    // Large enough that writing one takes several event-loop turns.
    const versions = Array.from({ length: 6 }, (_, i) => Buffer.alloc(768 * 1024, 97 + i));
    const key = 'sources/race.txt';
    await s3Client().send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: versions[0] }));
    const reads: Buffer[] = [];
    const read = async () => {
      const got = await s3Client().send(new GetObjectCommand({ Bucket: bucketName, Key: key }));
      reads.push(Buffer.from(await got.Body!.transformToByteArray()));
    };
    await Promise.all([
      ...versions.map((body) =>
        s3Client().send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: body })),
      ),
      ...Array.from({ length: 24 }, read),
    ]);
    expect(reads).toHaveLength(24);
    for (const body of reads) expect(versions.some((v) => v.equals(body))).toBe(true);
  });

  it('keeps the stored MD5 (ETag) the one of the bytes that won, whatever order concurrent PUTs finish in', async () => {
    const { bucketName } = await createTestResources('atomic-md5');
    const key = 'sources/md5-race.txt';
    const mismatches: string[] = [];
    for (let round = 0; round < 15; round++) {
      // Sizes differ so the PUTs finish their writes in varying orders.
      const versions = Array.from({ length: 4 }, (_, i) =>
        Buffer.alloc(((i * 7 + round) % 5) * 96 * 1024 + 1024, 97 + i),
      );
      await Promise.all(
        versions.map((body) =>
          s3Client().send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: body })),
        ),
      );
      const got = await s3Client().send(new GetObjectCommand({ Bucket: bucketName, Key: key }));
      const bytes = Buffer.from(await got.Body!.transformToByteArray());
      const md5 = createHash('md5').update(bytes).digest('hex');
      if (got.ETag !== `"${md5}"`) mismatches.push(`round ${round}: ETag ${got.ETag}, bytes ${md5}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('local DynamoDB emulator and browsers', () => {
  it('refuses cross-origin (browser) requests, preflights included, while the SDK keeps working', async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB!;
    const preflight = await fetch(endpoint, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const write = await fetch(endpoint, {
      method: 'POST',
      headers: {
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': 'DynamoDB_20120810.ListTables',
      },
      body: '{}',
    });
    expect(write.status).toBe(403);
    const { tableName } = await createTestResources('cors');
    const item = await documentClient().send(
      new GetCommand({ TableName: tableName, Key: { pk: 'a', sk: 'b' } }),
    );
    expect(item.Item).toBeUndefined();
  });
});

describe('dynalite table definitions kept in memory (infra/local/dynalite-table-cache.ts)', () => {
  it('a table deleted and created again with another key schema is served by its new definition', async () => {
    const TableName = `tables-${randomUUID()}`;
    const client = documentClient();
    await client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await client.send(new PutCommand({ TableName, Item: { pk: 'a', n: 'x' } }));
    // Many data-plane reads: the definition is now the one kept in memory.
    const reads = await Promise.all(
      Array.from({ length: 20 }, () => client.send(new GetCommand({ TableName, Key: { pk: 'a' } }))),
    );
    expect(reads.every((r) => r.Item?.n === 'x')).toBe(true);

    await client.send(new DeleteTableCommand({ TableName }));
    await waitUntil(async () => {
      try {
        await client.send(new DescribeTableCommand({ TableName }));
        return false;
      } catch (err) {
        return (err as Error).name === 'ResourceNotFoundException';
      }
    });
    await expect(client.send(new GetCommand({ TableName, Key: { pk: 'a' } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });

    await client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'n', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byN',
            KeySchema: [{ AttributeName: 'n', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await client.send(new PutCommand({ TableName, Item: { pk: 'a', sk: 'b', n: 'y' } }));
    const got = await client.send(new GetCommand({ TableName, Key: { pk: 'a', sk: 'b' } }));
    expect(got.Item).toEqual({ pk: 'a', sk: 'b', n: 'y' });
    await expect(client.send(new GetCommand({ TableName, Key: { pk: 'a' } }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    const byN = await client.send(
      new QueryCommand({
        TableName,
        IndexName: 'byN',
        KeyConditionExpression: 'n = :n',
        ExpressionAttributeValues: { ':n': 'y' },
      }),
    );
    expect(byN.Items).toEqual([{ pk: 'a', sk: 'b', n: 'y' }]);
  });
});

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('condition never held');
}
