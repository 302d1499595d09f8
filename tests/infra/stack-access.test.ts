/**
 * Review fixes to the function grants and bindings: no function but the CLI's operator may write token
 * items (S2), the authorizer can only read token items (S3), and every function that fetches from the web
 * gets the `allowedHosts` context (S4).
 */
import { Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { TOKEN_PARTITION_PREFIX } from '../../infra/constructs/bind-access';
import type { FactSheetStack } from '../../infra/stack';
import { tokenKey } from '../../shared/store/dynamo-tokens';
import { type FunctionName, functions } from '../../shared/topology';
import { buildStack } from './support/build-stack';
import {
  actionsOf,
  logicalIdOf,
  resourcesFor,
  roleStatements,
  type Statement,
} from './support/template-queries';

const NAMES = Object.keys(functions) as FunctionName[];
/** Every DynamoDB action that creates, changes or removes an item. */
const ITEM_WRITES =
  /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|PartiQL(Insert|Update|Delete)|\*)$/;

interface FunctionProperties {
  Environment: { Variables: Record<string, unknown> };
}

describe('function grants and bindings (review fixes)', () => {
  let template: Template;
  let stack: FactSheetStack;
  let tableArn: unknown;
  const statements = {} as Record<FunctionName, Statement[]>;

  beforeAll(() => {
    ({ template, stack } = buildStack());
    tableArn = { 'Fn::GetAtt': [logicalIdOf(stack.stores.table), 'Arn'] };
    for (const name of NAMES) statements[name] = roleStatements(template, stack, name);
  });

  const nonLogging = (name: FunctionName) =>
    statements[name].filter((s) => !actionsOf(s).every((a) => a.startsWith('logs:')));

  it('the token prefix the grants use is the one the token store writes', () => {
    expect(tokenKey('a'.repeat(64)).pk.startsWith(TOKEN_PARTITION_PREFIX)).toBe(true);
    expect(TOKEN_PARTITION_PREFIX).toBe('TOKEN#');
  });

  describe('S2: functions that write the table cannot write token items', () => {
    const writers = NAMES.filter((name) => functions[name].access.table === 'readWrite');

    it('api, ingest, notify and refresh are the table writers', () => {
      expect([...writers].sort()).toEqual(['api', 'ingest', 'notify', 'refresh']);
    });

    it.each(writers)('%s: an explicit Deny covers every item write it is allowed, on TOKEN# keys', (name) => {
      const denies = statements[name].filter((s) => s.Effect === 'Deny');
      expect(denies).toHaveLength(1);
      const deny = denies[0]!;
      expect(deny.Resource).toEqual(tableArn);
      expect(deny.Condition).toEqual({
        'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['TOKEN#*'] },
      });
      const allowedWrites = statements[name]
        .filter((s) => s.Effect === 'Allow')
        .flatMap(actionsOf)
        .filter((action) => ITEM_WRITES.test(action));
      expect(allowedWrites.length).toBeGreaterThan(0);
      expect(actionsOf(deny)).toEqual(expect.arrayContaining([...new Set(allowedWrites)]));
      expect([...actionsOf(deny)].sort()).toEqual([
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ]);
    });

    it('the authorizer has no item write at all, allowed or otherwise', () => {
      expect(statements.authorizer.flatMap(actionsOf).filter((action) => ITEM_WRITES.test(action))).toEqual(
        [],
      );
    });
  });

  describe('S3: the authorizer can only GetItem token items', () => {
    it('its topology access is the token-only kind, and TABLE_NAME is still bound', () => {
      expect(functions.authorizer.access).toEqual({ table: 'tokens' });
      const env = (
        template.toJSON().Resources[logicalIdOf(stack.functions.authorizer)].Properties as FunctionProperties
      ).Environment.Variables;
      expect(env.TABLE_NAME).toEqual({ Ref: logicalIdOf(stack.stores.table) });
    });

    it('besides its own logs, its role holds exactly GetItem on the table for TOKEN# keys', () => {
      expect(nonLogging('authorizer')).toEqual([
        {
          Action: 'dynamodb:GetItem',
          Effect: 'Allow',
          Resource: tableArn,
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['TOKEN#*'] } },
        },
      ]);
      expect(resourcesFor(statements.authorizer, /^dynamodb:/)).toEqual([
        `${logicalIdOf(stack.stores.table)}.Arn`,
      ]);
    });

    it('no acknowledgement on its role claims index access it no longer has', () => {
      const { stack: nagged } = buildStack({ nag: true });
      const role = nagged.functions.authorizer.role!;
      const acknowledged = role.node
        .findAll()
        .flatMap((c) => c.node.metadata)
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.keys(entry.data as Record<string, string>));
      expect(acknowledged.filter((id) => id.includes('/index/'))).toEqual([]);
    });
  });

  describe('S4: allowedHosts reaches every function that fetches from the web', () => {
    const envOf = (built: FactSheetStack, tpl: Template, name: FunctionName) =>
      (tpl.toJSON().Resources[logicalIdOf(built.functions[name])].Properties as FunctionProperties)
        .Environment.Variables;

    it('with `-c allowedHosts=example.org`, api and refresh get ALLOWED_HOSTS, the others do not', () => {
      const built = buildStack({ props: { allowedHosts: 'example.org' } });
      const withHosts = NAMES.filter((name) => 'ALLOWED_HOSTS' in envOf(built.stack, built.template, name));
      expect(withHosts.sort()).toEqual(['api', 'refresh']);
      expect(envOf(built.stack, built.template, 'api').ALLOWED_HOSTS).toBe('example.org');
      expect(envOf(built.stack, built.template, 'refresh').ALLOWED_HOSTS).toBe('example.org');
    });

    it('without the context value no function gets ALLOWED_HOSTS (the state.gov defaults apply)', () => {
      expect(NAMES.filter((name) => 'ALLOWED_HOSTS' in envOf(stack, template, name))).toEqual([]);
    });
  });
});
