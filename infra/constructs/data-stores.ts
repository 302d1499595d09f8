import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { tableDefinition } from '../../shared/store/table-definition';

/** How long S3 server access logs are kept. */
export const ACCESS_LOG_DAYS = 365;
/** How long a replaced (noncurrent) object version is kept. */
export const NONCURRENT_VERSION_DAYS = 90;

/**
 * The bucket (sources and the immutable archive) with its access-log bucket, and the single DynamoDB
 * table. Both hold user data, so both survive stack deletion. The table's keys and indexes come from
 * `tableDefinition`, the same object the local runtime and the tests create their tables from.
 */
export class DataStores extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogBucket: s3.Bucket;
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.accessLogBucket = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 server access logging can only deliver to SSE-S3 buckets.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    this.bucket = new s3.Bucket(this, 'Documents', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        // Every published source is also kept, content-addressed, under archive/; older versions of an
        // overwritten sources/ key only cost storage after this window.
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    this.table = createTable(this);
  }
}

type AttributeType = 'S' | 'N' | 'B';

function attribute(types: ReadonlyMap<string, AttributeType>, name: string): dynamodb.Attribute {
  const type = types.get(name);
  if (!type) throw new Error(`table-definition declares no attribute type for key "${name}"`);
  const mapped = {
    S: dynamodb.AttributeType.STRING,
    N: dynamodb.AttributeType.NUMBER,
    B: dynamodb.AttributeType.BINARY,
  };
  return { name, type: mapped[type] };
}

function keyOf(
  schema: readonly { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[],
  kind: 'HASH' | 'RANGE',
) {
  return schema.find((key) => key.KeyType === kind)?.AttributeName;
}

function createTable(scope: Construct): dynamodb.Table {
  // The name is a placeholder: CloudFormation names the deployed table.
  const definition = tableDefinition('unused');
  const types = new Map(definition.AttributeDefinitions.map((a) => [a.AttributeName, a.AttributeType]));
  const pk = keyOf(definition.KeySchema, 'HASH');
  const sk = keyOf(definition.KeySchema, 'RANGE');
  if (!pk) throw new Error('table-definition has no partition key');
  const table = new dynamodb.Table(scope, 'Table', {
    partitionKey: attribute(types, pk),
    sortKey: sk ? attribute(types, sk) : undefined,
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of definition.GlobalSecondaryIndexes) {
    const indexPk = keyOf(index.KeySchema, 'HASH');
    const indexSk = keyOf(index.KeySchema, 'RANGE');
    if (!indexPk) throw new Error(`index ${index.IndexName} has no partition key`);
    table.addGlobalSecondaryIndex({
      indexName: index.IndexName,
      partitionKey: attribute(types, indexPk),
      sortKey: indexSk ? attribute(types, indexSk) : undefined,
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return table;
}
