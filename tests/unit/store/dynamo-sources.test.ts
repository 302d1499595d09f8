import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { TransientStoreError, ValidationError } from '../../../shared/errors';
import { encodeCursor } from '../../../shared/store/cursor';
import { DynamoSourceRepository } from '../../../shared/store/dynamo-sources';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const mock = mockClient(doc);
const repo = new DynamoSourceRepository(doc, 'table');

beforeEach(() => mock.reset());

// Only what dynalite cannot produce (throttling, DynamoDB refusing a start key); the conditional update of
// recordCheck runs on the emulator (tests/integration/refresh-sources-repository.test.ts).
describe('DynamoSourceRepository error translation', () => {
  it('turns throttling into TransientStoreError', async () => {
    const throttled = Object.assign(new Error('slow down'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    mock.on(GetCommand).rejects(throttled);
    await expect(repo.get('mali')).rejects.toBeInstanceOf(TransientStoreError);
  });

  it('turns DynamoDB refusing the start key a cursor became into a 400 naming the cursor', async () => {
    const refused = Object.assign(new Error('The provided starting key is invalid'), {
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    mock.on(QueryCommand).rejects(refused);
    const cursor = encodeCursor({ pk: 'SOURCE#a', sk: 'SOURCE', gsi1pk: 'SOURCES', gsi1sk: 'a' })!;
    const err = await repo.list({ limit: 10, cursor }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).parameter).toBe('cursor');
    // Without a cursor the same refusal is a fault of ours, not the caller's.
    await expect(repo.list({ limit: 10 })).rejects.not.toBeInstanceOf(ValidationError);
  });
});
