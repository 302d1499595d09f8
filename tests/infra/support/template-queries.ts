import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { FactSheetStack } from '../../../infra/stack';
import type { FunctionName } from '../../../shared/topology';

type Json = Record<string, unknown>;
export interface Statement {
  Action: string | string[];
  Effect: string;
  Resource: unknown;
  Condition?: unknown;
}

/** Logical id of a construct's CloudFormation resource. */
export function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/** Every statement of every IAM policy attached to the function's execution role. */
export function roleStatements(template: Template, stack: FactSheetStack, name: FunctionName): Statement[] {
  const role = stack.functions[name].role;
  if (!role) throw new Error(`function ${name} has no role`);
  const roleId = logicalIdOf(role);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Json[];
  return policies
    .filter((p) => JSON.stringify((p.Properties as Json).Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(
      (p) => (p.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement,
    );
}

export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** Resource references rendered as readable strings: `Bucket.Arn`, `Bucket.Arn/sources/*`. */
export function resourcesOf(statement: Statement): string[] {
  const list = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
  return list.map(render);
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const obj = value as Json;
  if (obj['Fn::GetAtt']) return (obj['Fn::GetAtt'] as string[]).join('.');
  if (obj.Ref) return String(obj.Ref);
  if (obj['Fn::Join']) return (obj['Fn::Join'] as [string, unknown[]])[1].map(render).join('');
  return JSON.stringify(value);
}

/** Resources (rendered) on which the role may perform an action matching `pattern`. */
export function resourcesFor(statements: Statement[], pattern: RegExp): string[] {
  return statements
    .filter((s) => s.Effect === 'Allow' && actionsOf(s).some((a) => pattern.test(a)))
    .flatMap(resourcesOf)
    .sort();
}

/** `METHOD /path` for every method of the REST API, rebuilt from the resource tree in the template. */
export function apiRoutes(template: Template): string[] {
  const resources = template.findResources('AWS::ApiGateway::Resource') as Record<
    string,
    { Properties: Json }
  >;
  const pathOf = (ref: unknown): string => {
    const id = (ref as { Ref?: string }).Ref;
    const resource = id ? resources[id] : undefined;
    if (!resource) return ''; // the root resource (Fn::GetAtt RootResourceId)
    return `${pathOf(resource.Properties.ParentId)}/${String(resource.Properties.PathPart)}`;
  };
  const methods = Object.values(template.findResources('AWS::ApiGateway::Method')) as { Properties: Json }[];
  return methods
    .map((m) => `${String(m.Properties.HttpMethod)} ${pathOf(m.Properties.ResourceId) || '/'}`)
    .sort();
}
