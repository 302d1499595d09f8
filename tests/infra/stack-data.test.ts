import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ACCESS_LOG_DAYS, NONCURRENT_VERSION_DAYS } from '../../infra/constructs/data-stores';
import type { FactSheetStack } from '../../infra/stack';
import { GSI1, GSI2, KEY } from '../../shared/store/table-definition';
import { buildStack } from './support/build-stack';
import { logicalIdOf } from './support/template-queries';

describe('data stores', () => {
  let template: Template;
  let stack: FactSheetStack;

  beforeAll(() => {
    ({ template, stack } = buildStack());
  });

  it('documents bucket: no public access, S3-managed encryption, versioned, access-logged, retained', () => {
    const bucketId = logicalIdOf(stack.stores.bucket);
    const logBucketId = logicalIdOf(stack.stores.accessLogBucket);
    const bucket = template.toJSON().Resources[bucketId];
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logBucketId } },
    });
  });

  it('old object versions, stale multipart uploads and old access logs expire', () => {
    const resources = template.toJSON().Resources;
    const documents = resources[logicalIdOf(stack.stores.bucket)].Properties.LifecycleConfiguration.Rules;
    expect(documents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_VERSION_DAYS },
          Status: 'Enabled',
        }),
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
          Status: 'Enabled',
        }),
      ]),
    );
    // Current versions never expire: the sources and the archive are the data.
    expect(documents.some((rule: { ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined)).toBe(
      false,
    );
    const logs = resources[logicalIdOf(stack.stores.accessLogBucket)].Properties.LifecycleConfiguration.Rules;
    expect(logs).toEqual([expect.objectContaining({ ExpirationInDays: ACCESS_LOG_DAYS, Status: 'Enabled' })]);
  });

  it.each(['bucket', 'accessLogBucket'] as const)('%s policy denies every request without TLS', (which) => {
    const bucketId = logicalIdOf(stack.stores[which]);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('table: keys and both GSIs from table-definition, on demand, PITR, deletion protection, retained', () => {
    const table = template.toJSON().Resources[logicalIdOf(stack.stores.table)];
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      KeySchema: [
        { AttributeName: KEY.pk, KeyType: 'HASH' },
        { AttributeName: KEY.sk, KeyType: 'RANGE' },
      ],
    });
    const indexes = table.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: unknown;
      Projection: unknown;
    }[];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual([GSI1.name, GSI2.name]);
    for (const index of [GSI1, GSI2]) {
      expect(indexes.find((i) => i.IndexName === index.name)).toMatchObject({
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      });
    }
  });

  it('outputs the API URL, bucket name and table name', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'BucketName', 'TableName']));
    expect(outputs.BucketName!.Value).toEqual({ Ref: logicalIdOf(stack.stores.bucket) });
    expect(outputs.TableName!.Value).toEqual({ Ref: logicalIdOf(stack.stores.table) });
    expect(JSON.stringify(outputs.ApiUrl!.Value)).toContain(logicalIdOf(stack.api.api));
  });
});
