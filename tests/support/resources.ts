/**
 * A fresh table and bucket on the shared emulators for one test suite.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { S3RevisionDocuments } from '../../shared/blobs/s3-revision-documents';
import { tableDefinition } from '../../shared/store/table-definition';

export interface TestResources {
  tableName: string;
  bucketName: string;
}

export async function createTestResources(label = 'suite'): Promise<TestResources> {
  const suffix = randomUUID().slice(0, 8);
  const tableName = `${label}-${suffix}`;
  const bucketName = `${label.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-${suffix}`;
  await documentClient().send(new CreateTableCommand(tableDefinition(tableName)));
  await s3Client().send(new CreateBucketCommand({ Bucket: bucketName }));
  process.env.TABLE_NAME = tableName;
  process.env.BUCKET_NAME = bucketName;
  return { tableName, bucketName };
}

/** Every item of a sheet whose sort key starts with `prefix`, read straight from the table. */
export async function sheetItemsUnder(tableName: string, id: string, prefix: string) {
  const res = await documentClient().send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `SHEET#${id}`, ':p': prefix },
    }),
  );
  return res.Items ?? [];
}

/** The revision document store of a test bucket (what the handlers' wiring builds from BUCKET_NAME). */
export function testDocuments(bucketName: string = process.env.BUCKET_NAME ?? ''): S3RevisionDocuments {
  return new S3RevisionDocuments(s3Client(), bucketName);
}
