/** Creates the table (from shared/store/table-definition.ts) and the bucket when they do not exist yet. */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { tableDefinition } from '../../shared/store/table-definition';

export async function ensureTable(tableName: string): Promise<boolean> {
  try {
    await documentClient().send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await documentClient().send(new CreateTableCommand(tableDefinition(tableName)));
  return true;
}

export async function ensureBucket(bucketName: string): Promise<boolean> {
  try {
    await s3Client().send(new HeadBucketCommand({ Bucket: bucketName }));
    return false;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw err;
  }
  await s3Client().send(new CreateBucketCommand({ Bucket: bucketName }));
  return true;
}
