import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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
