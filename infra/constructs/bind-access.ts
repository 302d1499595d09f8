import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { ENV, functionNameVariable } from '../../shared/env';
import type { FunctionAccess, FunctionName } from '../../shared/topology';

/** The resources a function's `access` may name. */
export interface BindableResources {
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  /** The stack's functions, for `invoke` (needed only when some access names one). */
  functions?: Partial<Record<FunctionName, lambda.IFunction>>;
  /** Extra hosts (comma-separated) for functions whose access says `fetch`; unset: the built-in defaults. */
  allowedHosts?: string;
  /** The bus for `events` (EVENT_BUS_NAME + events:PutEvents on it only). */
  eventBus?: events.IEventBus;
  /** The key for `webhookSecrets` (SUBSCRIPTION_KEY_SECRET_ARN + read of that secret only). */
  webhookKey?: secretsmanager.ISecret;
}

/**
 * Partition-key prefix of write-token items: `tokenKey` in shared/store/dynamo-tokens.ts (a test keeps the
 * two equal; importing it here would pull the DynamoDB client into the CDK app).
 */
export const TOKEN_PARTITION_PREFIX = 'TOKEN#';
/** Every item write `grantReadWriteData` allows; `readWrite` denies each of them on token items. */
export const ITEM_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/** Object actions per access kind. Nothing here or anywhere else grants s3:DeleteObject. */
export const OBJECT_READ_ACTIONS = ['s3:GetObject'] as const;
export const OBJECT_WRITE_ACTIONS = ['s3:PutObject', 's3:AbortMultipartUpload'] as const;

/**
 * Binds each resource a function's topology `access` names: its environment variable AND its
 * least-privilege grant, together, so a function never sees a name it may not use or a grant it is not
 * told about. Table: `read` → read-only data actions, `readWrite` → data read/write (no table management)
 * except on `TOKEN#` items, `tokens` → GetItem on `TOKEN#` items only. `fetch` → ALLOWED_HOSTS when the
 * deploy sets extra hosts.
 * Bucket: object reads and writes on the listed key prefixes only, and listing limited to the read
 * prefixes (so a missing key is a 404, not a 403); nothing ever grants delete. Invoke: each named
 * function's name in `{NAME}_FUNCTION_NAME` and `lambda:InvokeFunction` on exactly that function.
 */
export function bindAccess(fn: lambda.Function, access: FunctionAccess, resources: BindableResources): void {
  for (const name of access.invoke ?? []) {
    const target = resources.functions?.[name];
    if (!target) throw new Error(`bindAccess: function ${name} (invoked by ${fn.node.id}) is not built yet`);
    fn.addEnvironment(functionNameVariable(name), target.functionName);
    target.grantInvoke(fn);
  }
  if (access.fetch && resources.allowedHosts) fn.addEnvironment(ENV.allowedHosts, resources.allowedHosts);
  if (access.events) {
    if (!resources.eventBus) throw new Error(`bindAccess: ${fn.node.id} emits events but no bus was given`);
    fn.addEnvironment(ENV.eventBusName, resources.eventBus.eventBusName);
    resources.eventBus.grantPutEventsTo(fn);
  }
  if (access.webhookSecrets) {
    if (!resources.webhookKey)
      throw new Error(`bindAccess: ${fn.node.id} needs the webhook key but none was given`);
    fn.addEnvironment(ENV.subscriptionKeySecretArn, resources.webhookKey.secretArn);
    resources.webhookKey.grantRead(fn);
  }
  if (access.table) {
    fn.addEnvironment(ENV.tableName, resources.table.tableName);
    bindTable(fn, access.table, resources.table);
  }
  const reads = access.bucketRead ?? [];
  const writes = access.bucketWrite ?? [];
  if (reads.length === 0 && writes.length === 0) return;

  const { bucket } = resources;
  fn.addEnvironment(ENV.bucketName, bucket.bucketName);
  const keys = (prefixes: readonly string[]) => prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  if (reads.length > 0) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: [...OBJECT_READ_ACTIONS], resources: keys(reads) }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': reads.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
  if (writes.length > 0) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: [...OBJECT_WRITE_ACTIONS], resources: keys(writes) }),
    );
  }
}

/** Token items (`TOKEN#…` partition keys) as an IAM condition on the request's partition keys. */
const TOKEN_KEYS = [`${TOKEN_PARTITION_PREFIX}*`];

function bindTable(
  fn: lambda.Function,
  level: NonNullable<FunctionAccess['table']>,
  table: dynamodb.ITable,
): void {
  switch (level) {
    case 'read':
      table.grantReadData(fn);
      return;
    case 'readWrite':
      table.grantReadWriteData(fn);
      // A token item is a write credential: a function that could put one (a bug, or code execution while
      // parsing untrusted HTML in ingest) could mint itself persistent API access. None of them needs token
      // items (the CLI writes them with the operator's credentials), so deny every item write whose
      // partition key is one, whatever else the role allows. ForAnyValue: a BatchWriteItem with a single
      // token key among its items is refused as a whole.
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          effect: iam.Effect.DENY,
          actions: [...ITEM_WRITE_ACTIONS],
          resources: [table.tableArn],
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': TOKEN_KEYS } },
        }),
      );
      return;
    case 'tokens':
      // The authorizer's one lookup (GetItem of `TOKEN#{sha256}`): no scans, queries or indexes, so a
      // compromised authorizer cannot read sheets either. ForAllValues: every partition key requested must
      // be a token key.
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['dynamodb:GetItem'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': TOKEN_KEYS } },
        }),
      );
      return;
  }
}
