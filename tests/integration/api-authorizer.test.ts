/**
 * functions/authorizer.ts (the Lambda TOKEN authorizer) against dynalite: tokens are looked up by hash.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
// Imported after env.ts; the handler reads TABLE_NAME on first invocation.
import { handler } from '../../functions/authorizer';
import { generateToken, hashToken } from '../../shared/auth/token';
import { documentClient } from '../../shared/aws/clients';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import { createTestResources, type TestResources } from '../support/resources';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/PUT/sheets/mali/source';
const token = generateToken();
let resources: TestResources;

function event(authorizationToken: string): APIGatewayTokenAuthorizerEvent {
  return { type: 'TOKEN', authorizationToken, methodArn: METHOD_ARN };
}

beforeAll(async () => {
  resources = await createTestResources('authz');
  // As deployed: the authorizer's topology access is `table: 'tokens'`, so it gets TABLE_NAME and nothing else.
  delete process.env.BUCKET_NAME;
  await new DynamoTokenRepository(documentClient(), resources.tableName).putTokenHash(
    hashToken(token),
    'test',
  );
});

describe('TOKEN authorizer', () => {
  it('stores only the hash of a token', async () => {
    const scan = await documentClient().send(new ScanCommand({ TableName: resources.tableName }));
    expect(scan.Items).toEqual([
      expect.objectContaining({ pk: `TOKEN#${hashToken(token)}`, sk: 'TOKEN', label: 'test' }),
    ]);
    expect(JSON.stringify(scan.Items)).not.toContain(token);
  });

  it('allows the stage for a stored token, with a principal that is not the token', async () => {
    const result = await handler(event(`Bearer ${token}`));
    expect(result.policyDocument.Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*',
      },
    ]);
    expect(result.principalId).not.toContain(token);
  });

  it('denies an unknown token (API Gateway answers 403)', async () => {
    const result = await handler(event('Bearer some-other-token'));
    expect(result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Deny', Resource: METHOD_ARN });
  });

  it('throws "Unauthorized" for a malformed header (API Gateway answers 401)', async () => {
    await expect(handler(event('Basic abc'))).rejects.toThrow(/^Unauthorized$/);
    await expect(handler(event(''))).rejects.toThrow(/^Unauthorized$/);
  });
});
