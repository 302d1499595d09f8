import type { Template } from 'aws-cdk-lib/assertions';
import type { FactSheetStack } from '../../infra/stack';
import { METRICS_NAMESPACE } from '../../shared/observability';
import { type FunctionName, functions } from '../../shared/topology';
import { buildStack } from './support/build-stack';
import {
  actionsOf,
  logicalIdOf,
  resourcesFor,
  resourcesOf,
  roleStatements,
  type Statement,
} from './support/template-queries';

const NAMES = Object.keys(functions) as FunctionName[];
const DATA_WRITES = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/;
const DATA_READS = /^dynamodb:(GetItem|Query|BatchGetItem)$/;
const TABLE_ADMIN = /^dynamodb:(CreateTable|DeleteTable|UpdateTable|\*)$/;

/** The parts of AWS::Lambda::Function the assertions read. */
interface FunctionProperties {
  Architectures: string[];
  Runtime: string;
  Handler: string;
  MemorySize: number;
  Timeout: number;
  ReservedConcurrentExecutions?: number;
  LoggingConfig: { LogGroup: { Ref: string } };
  Environment: { Variables: Record<string, unknown> };
}

describe('functions from the topology', () => {
  let template: Template;
  let stack: FactSheetStack;
  let bucket: string;
  let table: string;
  const statements = {} as Record<FunctionName, Statement[]>;

  beforeAll(() => {
    ({ template, stack } = buildStack());
    bucket = `${logicalIdOf(stack.stores.bucket)}.Arn`;
    table = `${logicalIdOf(stack.stores.table)}.Arn`;
    for (const name of NAMES) statements[name] = roleStatements(template, stack, name);
  });

  const fnProps = (name: FunctionName) =>
    template.toJSON().Resources[logicalIdOf(stack.functions[name])].Properties as FunctionProperties;

  it.each(NAMES)(
    '%s: ARM_64, Node.js 24, memory/timeout/concurrency from the topology, own log group',
    (name) => {
      const spec = functions[name];
      const props = fnProps(name);
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Handler).toBe('index.handler');
      expect(props.MemorySize).toBe(spec.memoryMb);
      expect(props.Timeout).toBe(spec.timeoutSeconds);
      expect(props.ReservedConcurrentExecutions).toBe(spec.reservedConcurrency);
      expect(props.LoggingConfig.LogGroup.Ref).toMatch(/Logs/);
      const logGroup = template.toJSON().Resources[props.LoggingConfig.LogGroup.Ref];
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
    },
  );

  it.each(NAMES)('%s: env binds exactly the resources its access names, plus Powertools settings', (name) => {
    const { access } = functions[name];
    const env = fnProps(name).Environment.Variables as Record<string, unknown>;
    expect('TABLE_NAME' in env).toBe(access.table !== undefined);
    const touchesBucket = (access.bucketRead?.length ?? 0) + (access.bucketWrite?.length ?? 0) > 0;
    expect('BUCKET_NAME' in env).toBe(touchesBucket);
    if (access.table) expect(env.TABLE_NAME).toEqual({ Ref: logicalIdOf(stack.stores.table) });
    if (touchesBucket) expect(env.BUCKET_NAME).toEqual({ Ref: logicalIdOf(stack.stores.bucket) });
    expect(env.POWERTOOLS_SERVICE_NAME).toBe(`factsheet-${name}`);
    expect(env.POWERTOOLS_METRICS_NAMESPACE).toBe(METRICS_NAMESPACE);
  });

  it.each(NAMES)('%s: S3 reads and writes exactly the topology prefixes and can never delete', (name) => {
    const { access } = functions[name];
    const s = statements[name];
    expect(resourcesFor(s, /^s3:GetObject/)).toEqual(
      (access.bucketRead ?? []).map((p) => `${bucket}/${p}*`).sort(),
    );
    expect(resourcesFor(s, /^s3:PutObject$/)).toEqual(
      (access.bucketWrite ?? []).map((p) => `${bucket}/${p}*`).sort(),
    );
    expect(resourcesFor(s, /^s3:(Delete|.*\*)/)).toEqual([]);
  });

  it.each(NAMES)('%s: may list only the prefixes it reads', (name) => {
    const reads = functions[name].access.bucketRead ?? [];
    const listing = statements[name].filter((st) => actionsOf(st).includes('s3:ListBucket'));
    if (reads.length === 0) {
      expect(listing).toEqual([]);
      return;
    }
    expect(listing).toHaveLength(1);
    expect(resourcesOf(listing[0]!)).toEqual([bucket]);
    expect(listing[0]).toMatchObject({
      Condition: { StringLike: { 's3:prefix': reads.map((p) => `${p}*`) } },
    });
  });

  it('ingest reads sources/, archive/ and parsed/, writes only archive/ and parsed/', () => {
    expect(resourcesFor(statements.ingest, /^s3:GetObject/)).toEqual([
      `${bucket}/archive/*`,
      `${bucket}/parsed/*`,
      `${bucket}/sources/*`,
    ]);
    expect(resourcesFor(statements.ingest, /^s3:PutObject$/)).toEqual([
      `${bucket}/archive/*`,
      `${bucket}/parsed/*`,
    ]);
  });

  it('api writes only sources/ and reads only revision documents (parsed/): reprocess runs in ingest', () => {
    expect(resourcesFor(statements.api, /^s3:PutObject$/)).toEqual([`${bucket}/sources/*`]);
    // Reading parsed/ is also what makes its pre-signed URLs of revision documents valid.
    expect(resourcesFor(statements.api, /^s3:GetObject/)).toEqual([`${bucket}/parsed/*`]);
    const listing = statements.api.filter((st) => actionsOf(st).includes('s3:ListBucket'));
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatchObject({ Condition: { StringLike: { 's3:prefix': ['parsed/*'] } } });
  });

  it.each(NAMES)(
    '%s: may invoke exactly the functions its access names, bound by name in its env',
    (name) => {
      const targets = functions[name].access.invoke ?? [];
      const expected = targets.flatMap((target) => {
        const arn = `${logicalIdOf(stack.functions[target])}.Arn`;
        return [arn, `${arn}:*`];
      });
      expect(resourcesFor(statements[name], /^lambda:/)).toEqual(expected.sort());
      const env = fnProps(name).Environment.Variables;
      const bound = Object.keys(env).filter((key) => key.endsWith('_FUNCTION_NAME'));
      expect(bound).toEqual(targets.map((target) => `${target.toUpperCase()}_FUNCTION_NAME`));
      for (const target of targets) {
        expect(env[`${target.toUpperCase()}_FUNCTION_NAME`]).toEqual({
          Ref: logicalIdOf(stack.functions[target]),
        });
      }
    },
  );

  it('api can invoke ingest and nothing else; no other function invokes anything', () => {
    const arn = `${logicalIdOf(stack.functions.ingest)}.Arn`;
    expect(resourcesFor(statements.api, /^lambda:/)).toEqual([arn, `${arn}:*`]);
    expect(
      statements.api.filter((st) => actionsOf(st).some((a) => a.startsWith('lambda:'))).flatMap(actionsOf),
    ).toEqual(['lambda:InvokeFunction']);
    for (const name of NAMES.filter((n) => n !== 'api')) {
      expect(resourcesFor(statements[name], /^lambda:/)).toEqual([]);
    }
  });

  it('refresh writes only sources/ and reads no objects', () => {
    expect(resourcesFor(statements.refresh, /^s3:PutObject$/)).toEqual([`${bucket}/sources/*`]);
    expect(resourcesFor(statements.refresh, /^s3:GetObject/)).toEqual([]);
  });

  it('the authorizer reads the table (its token items, no index) and nothing else: no writes, no S3', () => {
    expect(resourcesFor(statements.authorizer, DATA_READS)).toEqual([table]);
    expect(resourcesFor(statements.authorizer, /^dynamodb:/)).toEqual([table]);
    expect(resourcesFor(statements.authorizer, DATA_WRITES)).toEqual([]);
    expect(resourcesFor(statements.authorizer, /^s3:/)).toEqual([]);
  });

  it.each(NAMES)('%s: table grants match its access level and never include table administration', (name) => {
    const level = functions[name].access.table;
    const s = statements[name];
    // `tokens` reads only the table's token items (GetItem, no index): see stack-access.test.ts.
    const reads = level === 'tokens' ? [table] : level ? [table, `${table}/index/*`] : [];
    expect(resourcesFor(s, DATA_READS)).toEqual(reads);
    expect(resourcesFor(s, DATA_WRITES)).toEqual(level === 'readWrite' ? [table, `${table}/index/*`] : []);
    expect(resourcesFor(s, TABLE_ADMIN)).toEqual([]);
  });

  it.each(NAMES)('%s: logs only to its own log group', (name) => {
    const logGroup = fnProps(name).LoggingConfig.LogGroup.Ref as string;
    expect(resourcesFor(statements[name], /^logs:/)).toEqual([`${logGroup}.Arn`]);
  });
});
