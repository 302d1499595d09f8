/**
 * The table adapter's paged query: DynamoDB refusing a start key (a forged cursor that passed the
 * structural checks) is the caller's bad cursor, a 400 naming `cursor`, not a server error.
 */
import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ValidationError } from '../../../shared/errors';
import { encodeCursor } from '../../../shared/store/cursor';
import { DynamoTable } from '../../../shared/store/dynamo-table';

const ddbMock = mockClient(DynamoDBDocumentClient);
const table = new DynamoTable(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
  'table',
);
const shape = { keys: ['pk', 'sk'], fixed: { pk: 'SHEET#mali' } };
const query = {
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': 'SHEET#mali' },
};

function validationException() {
  return new DynamoDBServiceException({
    name: 'ValidationException',
    $fault: 'client',
    message: 'The provided starting key is outside query boundaries based on provided conditions',
    $metadata: { httpStatusCode: 400 },
  });
}

beforeEach(() => ddbMock.reset());

it('maps a ValidationException on a request with a start key to ValidationError("cursor")', async () => {
  ddbMock.on(QueryCommand).rejects(validationException());
  const cursor = encodeCursor({ pk: 'SHEET#mali', sk: 'ERR#x' });
  const err = await table.queryPage(query, { limit: 5, cursor }, shape).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).parameter).toBe('cursor');
});

it('leaves a ValidationException of a request without a cursor alone (a bug of ours, not the caller)', async () => {
  ddbMock.on(QueryCommand).rejects(validationException());
  const err = await table.queryPage(query, { limit: 5 }, shape).catch((e: unknown) => e);
  expect(err).not.toBeInstanceOf(ValidationError);
  expect((err as Error).name).toBe('ValidationException');
});
