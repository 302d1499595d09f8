/** The event side of the stack: bus, notify rule → queue → DLQ, the notify function and its grants. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { FactSheetStack } from '../../infra/stack';
import { eventBus, type FunctionName, functions, notifyQueue } from '../../shared/topology';
import { buildStack } from './support/build-stack';
import { logicalIdOf, resourcesFor, roleStatements } from './support/template-queries';

describe('notifications: event bus, notify queue and function', () => {
  let template: Template;
  let stack: FactSheetStack;
  let busId: string;

  beforeAll(() => {
    ({ template, stack } = buildStack());
    busId = logicalIdOf(stack.eventBus.bus);
  });

  it('creates one custom event bus and names it in an output', () => {
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasOutput('EventBusName', { Value: { Ref: busId } });
  });

  it('the notify rule sits on that bus, matches our source and targets the notify queue with a DLQ', () => {
    const rule = template.findResources('AWS::Events::Rule')[logicalIdOf(stack.notify.rule)]!.Properties;
    expect(rule.EventBusName).toEqual({ Ref: busId });
    expect(rule.EventPattern).toEqual({ source: [eventBus.source] });
    expect(rule.Targets).toEqual([
      expect.objectContaining({
        Arn: { 'Fn::GetAtt': [logicalIdOf(stack.notify.queue), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack.notify.deadLetterQueue), 'Arn'] } },
      }),
    ]);
  });

  it('the queue is encrypted, outlives the function timeout, and dead-letters after maxReceiveCount', () => {
    const queue = template.findResources('AWS::SQS::Queue')[logicalIdOf(stack.notify.queue)]!.Properties;
    expect(queue).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: notifyQueue.visibilityTimeoutSeconds,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [logicalIdOf(stack.notify.deadLetterQueue), 'Arn'] },
        maxReceiveCount: notifyQueue.maxReceiveCount,
      },
    });
    expect(notifyQueue.visibilityTimeoutSeconds).toBeGreaterThan(functions.notify.timeoutSeconds);
  });

  it('only the rule may send to the queue (EventBridge principal, SourceArn condition), over TLS', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalIdOf(stack.notify.queue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Action: Match.arrayWith(['sqs:SendMessage']),
            Principal: { Service: 'events.amazonaws.com' },
            Condition: {
              ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [logicalIdOf(stack.notify.rule), 'Arn'] } },
            },
          }),
        ]),
      },
    });
  });

  it('the notify function consumes the queue with partial batch failures and knows its URL', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(stack.functions.notify) },
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.notify.queue), 'Arn'] },
      BatchSize: notifyQueue.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const env =
      template.findResources('AWS::Lambda::Function')[logicalIdOf(stack.functions.notify)]!.Properties
        .Environment.Variables;
    expect(env.NOTIFY_QUEUE_URL).toEqual({ Ref: logicalIdOf(stack.notify.queue) });
    expect(env).not.toHaveProperty('EVENT_BUS_NAME');
  });

  it('alarms on the first message in the notify dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalIdOf(stack.notify.deadLetterQueue), 'QueueName'] },
        },
      ],
    });
  });

  const emitters = (Object.keys(functions) as FunctionName[]).filter((n) => functions[n].access.events);
  const keyReaders = (Object.keys(functions) as FunctionName[]).filter(
    (n) => functions[n].access.webhookSecrets,
  );

  it('ingest, refresh and the api emit events; the api and notify read the webhook key', () => {
    expect(emitters.sort()).toEqual(['api', 'ingest', 'refresh']);
    expect(keyReaders.sort()).toEqual(['api', 'notify']);
  });

  it.each(Object.keys(functions) as FunctionName[])(
    '%s: events:PutEvents on the bus only if it emits',
    (name) => {
      const statements = roleStatements(template, stack, name);
      expect(resourcesFor(statements, /^events:PutEvents$/)).toEqual(
        functions[name].access.events ? [`${busId}.Arn`] : [],
      );
      expect(resourcesFor(statements, /^events:/)).toEqual(
        functions[name].access.events ? [`${busId}.Arn`] : [],
      );
    },
  );

  it.each(Object.keys(functions) as FunctionName[])(
    '%s: reads the webhook key only if the topology says so',
    (name) => {
      const statements = roleStatements(template, stack, name);
      const keyId = logicalIdOf(stack.eventBus.webhookKey);
      expect(resourcesFor(statements, /^secretsmanager:GetSecretValue$/)).toEqual(
        functions[name].access.webhookSecrets ? [keyId] : [],
      );
    },
  );

  it('only notify may receive from, delete from and change visibility on the notify queue', () => {
    for (const name of Object.keys(functions) as FunctionName[]) {
      const consumes = resourcesFor(
        roleStatements(template, stack, name),
        /^sqs:(ReceiveMessage|DeleteMessage|ChangeMessageVisibility)$/,
      );
      if (name !== 'notify') expect(consumes).toEqual([]);
      else expect(new Set(consumes)).toEqual(new Set([`${logicalIdOf(stack.notify.queue)}.Arn`]));
    }
  });
});
