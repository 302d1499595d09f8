/**
 * Child process for bench/api.ts: a bare dynalite with one table and one sheet META item, the floor the
 * API is compared against. Prints `READY {json}` with the endpoint and a ready-to-send GetItem request.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startEmulators } from '../infra/local/emulators';
import { tableDefinition } from '../shared/store/table-definition';

async function main(): Promise<void> {
  const emulators = await startEmulators();
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: emulators.dynamoEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    }),
  );
  const tableName = 'bench';
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  await client.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: 'SHEET#mali',
        sk: 'META',
        latestRevision: 1,
        title: 'U.S. Relations With Mali',
        country: 'Mali',
      },
    }),
  );
  const body = JSON.stringify({ TableName: tableName, Key: { pk: { S: 'SHEET#mali' }, sk: { S: 'META' } } });
  // dynalite checks the shape of the SigV4 header, not the signature.
  const headers = {
    'Content-Type': 'application/x-amz-json-1.0',
    'X-Amz-Target': 'DynamoDB_20120810.GetItem',
    'X-Amz-Date': '20260101T000000Z',
    Authorization:
      'AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000',
  };
  console.log(`READY ${JSON.stringify({ endpoint: emulators.dynamoEndpoint, body, headers })}`);
  const stop = () => emulators.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
