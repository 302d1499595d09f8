/**
 * A fresh table and bucket on the shared emulators for one test suite.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { documentClient, s3Client } from '../../shared/aws/clients';
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
