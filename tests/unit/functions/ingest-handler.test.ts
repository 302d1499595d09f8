/**
 * The handler's retry contract, with S3 failures the emulators cannot produce: a throttled read makes the
 * invocation throw (Lambda retries, then the DLQ), while bad input in the same event is still recorded.
 */
import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handler } from '../../../functions/ingest';
import { TransientStoreError } from '../../../shared/errors';
import { loadS3Event } from '../../support/s3-events';

const s3Mock = mockClient(S3Client);
const ddbMock = mockClient(DynamoDBDocumentClient);

beforeAll(() => {
  process.env.TABLE_NAME = 'table';
  process.env.BUCKET_NAME = 'example-bucket';
});

beforeEach(() => {
  s3Mock.reset();
  ddbMock.reset();
  ddbMock.on(GetCommand).resolves({});
  ddbMock.on(PutCommand).resolves({});
  ddbMock.on(UpdateCommand).resolves({});
});

describe('ingest handler retry contract', () => {
  it('throws when a record fails retryably, after handling the other records', async () => {
    s3Mock
      .on(GetObjectCommand)
      .rejects(
        new S3ServiceException({ name: 'SlowDown', $fault: 'server', $metadata: { httpStatusCode: 503 } }),
      );
    const event = loadS3Event('put-mixed.json', 'example-bucket');
    const err = await handler(event).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AggregateError);
    expect((err as AggregateError).errors).toEqual([expect.any(TransientStoreError)]);
    // The bad-id records behind the throttled one were still recorded as errors.
    const errorKeys = ddbMock.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.key);
    expect(errorKeys).toEqual(['sources/Bad_Id.txt', 'sources/côte d.txt']);
  });

  it('does not throw for bad input alone', async () => {
    const event = loadS3Event('put-mixed.json', 'example-bucket');
    event.Records.splice(0, 1);
    const result = await handler(event);
    expect(result.outcomes.map((o) => o.status)).toEqual(['ignored', 'rejected', 'rejected']);
    expect(s3Mock).not.toHaveReceivedCommand(GetObjectCommand);
  });

  it('answers a reprocess invocation with a refusal, and throws (a FunctionError) when the store throttles', async () => {
    await expect(handler({ type: 'reprocess', id: 'nope' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    ddbMock.on(GetCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ProvisionedThroughputExceededException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(handler({ type: 'reprocess', id: 'mali' })).rejects.toBeInstanceOf(TransientStoreError);
  });
});
