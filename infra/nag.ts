import { type App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { type FunctionName, functions } from '../shared/topology';
import type { FactSheetStack } from './stack';

/** Registers cdk-nag's AwsSolutions pack on the app and records the stack's reviewed acknowledgements. */
export function applyNag(app: App, stack: FactSheetStack): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  acknowledgeFindings(stack);
}

function ack(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The reviewed exceptions. Each names one rule (IAM5: one finding) and why it is accepted; anything new
 * that cdk-nag reports fails the synth until someone reviews it here.
 */
export function acknowledgeFindings(stack: FactSheetStack): void {
  acknowledgeFunctionGrants(stack);
  acknowledgeApi(stack);
  ack(
    stack.trigger.deadLetterQueue,
    'AwsSolutions-SQS3',
    'This queue IS the dead-letter queue of the ingest and refresh invocations; a DLQ of a DLQ adds nothing.',
  );
  ack(
    stack.eventBus.webhookKey,
    'AwsSolutions-SMG4',
    'Key material for subscription secrets encrypted in the table: rotating it would make every stored secret unreadable, so it is replaced deliberately (re-register subscriptions), not on a schedule.',
  );
  ack(
    stack.notify.deadLetterQueue,
    'AwsSolutions-SQS3',
    'This queue IS the dead-letter queue of the notify queue and of its bus rule target; a DLQ of a DLQ adds nothing.',
  );
  const notificationsHandler = stack.node.children.find((c) =>
    c.node.id.startsWith('BucketNotificationsHandler'),
  );
  if (notificationsHandler) {
    ack(
      notificationsHandler,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'CDK-internal handler that only configures the bucket notification at deploy time; it needs nothing beyond logging and is not ours to change.',
    );
  }
}

/**
 * The grants `bindAccess` makes from topology `access` are already scoped (this table and its indexes, or
 * only its token items,
 * explicit object actions on the topology's key prefixes, no delete, invoke on named functions); the only
 * wildcards are those index and prefix patterns and the qualifiers of an invoked function.
 */
function acknowledgeFunctionGrants(stack: FactSheetStack): void {
  const tableArn = `<${logicalId(stack.stores.table)}.Arn>`;
  const bucketArn = `<${logicalId(stack.stores.bucket)}.Arn>`;
  for (const [name, spec] of Object.entries(functions) as [
    FunctionName,
    (typeof functions)[FunctionName],
  ][]) {
    const role = stack.functions[name].role;
    if (!role) continue;
    const iam5 = (finding: string, reason: string) => ack(role, `AwsSolutions-IAM5[${finding}]`, reason);
    // `tokens` (the authorizer) is GetItem on the table ARN alone: no index, nothing to acknowledge.
    if (spec.access.table === 'read' || spec.access.table === 'readWrite') {
      iam5(
        `Resource::${tableArn}/index/*`,
        `Queries the table's GSIs (gsi1 lists, gsi2 cross-sheet figures); only this table's indexes.`,
      );
    }
    const reads = spec.access.bucketRead ?? [];
    const writes = spec.access.bucketWrite ?? [];
    for (const prefix of new Set([...reads, ...writes])) {
      iam5(
        `Resource::${bucketArn}/${prefix}*`,
        `Object access is scoped to the ${prefix} key prefix the topology grants this function.`,
      );
    }
    for (const target of spec.access.invoke ?? []) {
      iam5(
        `Resource::<${logicalId(stack.functions[target])}.Arn>:*`,
        `grantInvoke covers the ${target} function and its own versions/aliases (ARN:*), nothing else; the topology lets ${name} invoke it.`,
      );
    }
  }
}

function acknowledgeApi(stack: FactSheetStack): void {
  const restApi = stack.api.api;
  ack(
    restApi,
    'AwsSolutions-COG4',
    'Callers are machines holding write tokens, not user-pool users: writes use the Lambda TOKEN authorizer (hashed tokens in the table); reads are public by design.',
  );
  ack(
    restApi.deploymentStage,
    'AwsSolutions-APIG3',
    'No WAF by default (cost, per-account rules); the stage is throttled and reads are public data. Attach a web ACL to the stage where required.',
  );
  ack(
    restApi,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    'The account-level API Gateway logging role needs exactly this AWS-maintained policy to deliver access and execution logs.',
  );
  for (const method of restApi.methods) {
    if (!isAuthorized(method)) {
      ack(
        method,
        'AwsSolutions-APIG4',
        'Public read route by design (fact sheets are public data); protected by stage throttling. Writes use the token authorizer.',
      );
    }
  }
}

function isAuthorized(method: apigw.Method): boolean {
  const cfn = method.node.defaultChild as apigw.CfnMethod;
  return cfn.authorizationType === 'CUSTOM';
}

/** The token cdk-nag prints for a resource's ARN is built from its logical id. */
function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}
