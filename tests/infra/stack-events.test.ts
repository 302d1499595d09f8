import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { FactSheetStack } from '../../infra/stack';
import { deadLetter, functions, s3Trigger, schedule } from '../../shared/topology';
import { buildStack } from './support/build-stack';
import { logicalIdOf } from './support/template-queries';

describe('events: S3 trigger, dead letters, schedule, alarms', () => {
  let template: Template;
  let stack: FactSheetStack;
  let ingestArn: { 'Fn::GetAtt': string[] };
  let dlqArn: { 'Fn::GetAtt': string[] };

  beforeAll(() => {
    ({ template, stack } = buildStack());
    ingestArn = { 'Fn::GetAtt': [logicalIdOf(stack.functions.ingest), 'Arn'] };
    dlqArn = { 'Fn::GetAtt': [logicalIdOf(stack.trigger.deadLetterQueue), 'Arn'] };
  });

  it('one ObjectCreated notification per source suffix, each filtered on sources/, reaches ingest', () => {
    const notifications = Object.values(template.findResources('Custom::S3BucketNotifications'));
    expect(notifications).toHaveLength(1);
    const props = notifications[0]!.Properties;
    expect(props.BucketName).toEqual({ Ref: logicalIdOf(stack.stores.bucket) });
    const configs = props.NotificationConfiguration.LambdaFunctionConfigurations as {
      Events: string[];
      Filter: { Key: { FilterRules: { Name: string; Value: string }[] } };
      LambdaFunctionArn: unknown;
    }[];
    expect(configs).toHaveLength(s3Trigger.suffixes.length);
    const suffixes = configs.map((config) => {
      expect(config.Events).toEqual(['s3:ObjectCreated:*']);
      expect(config.LambdaFunctionArn).toEqual(ingestArn);
      const rules = Object.fromEntries(config.Filter.Key.FilterRules.map((r) => [r.Name, r.Value]));
      expect(rules.prefix).toBe('sources/');
      return rules.suffix;
    });
    expect(suffixes.sort()).toEqual(['.html', '.txt']);
  });

  it('S3 may invoke ingest, only from the documents bucket', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: ingestArn,
      Principal: 's3.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.stores.bucket), 'Arn'] },
    });
  });

  it('ingest async invocation: retries and max event age from the topology, failures to the DLQ', () => {
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf(stack.functions.ingest) },
      MaximumRetryAttempts: s3Trigger.retryAttempts,
      MaximumEventAgeInSeconds: s3Trigger.maxEventAgeSeconds,
      DestinationConfig: { OnFailure: { Destination: dlqArn } },
    });
  });

  it('the DLQ is encrypted, TLS-only, keeps messages for the topology retention, and ingest may send to it', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: deadLetter.retentionDays * 86_400,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalIdOf(stack.trigger.deadLetterQueue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalIdOf(stack.functions.ingest.role!) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: dlqArn }),
        ]),
      },
    });
  });

  it('ingest reserved concurrency comes from the topology', () => {
    const ingest = template.toJSON().Resources[logicalIdOf(stack.functions.ingest)];
    expect(functions.ingest.reservedConcurrency).toBeGreaterThan(0);
    expect(ingest.Properties.ReservedConcurrentExecutions).toBe(functions.ingest.reservedConcurrency);
  });

  it(`the schedule runs at the topology rate (${schedule.rate}) with exactly the topology's targets`, () => {
    // The schedule, and the notify rule on the event bus (stack-notify.test.ts).
    template.resourceCountIs('AWS::Events::Rule', 2);
    const rule = template.findResources('AWS::Events::Rule')[logicalIdOf(stack.refreshRule)]!.Properties;
    expect(rule.ScheduleExpression).toBe('rate(1 day)');
    expect(rule.State).toBe('ENABLED');
    const targets = rule.Targets as Record<string, unknown>[];
    expect(targets).toHaveLength(schedule.targets.length);
    expect(schedule.targets.map((t) => t.function).sort()).toEqual(['ingest', 'refresh']);
    for (const [i, target] of schedule.targets.entries()) {
      expect(targets[i]).toMatchObject({
        Arn: { 'Fn::GetAtt': [logicalIdOf(stack.functions[target.function]), 'Arn'] },
        DeadLetterConfig: { Arn: dlqArn },
        RetryPolicy: {
          MaximumRetryAttempts: schedule.retryAttempts,
          MaximumEventAgeInSeconds: schedule.maxEventAgeSeconds,
        },
      });
      // A target with input gets exactly that JSON; one without gets EventBridge's scheduled event.
      if (target.input) expect(JSON.parse(targets[i]!.Input as string)).toEqual(target.input);
      else expect(targets[i]).not.toHaveProperty('Input');
    }
  });

  it('the reprocess-stale target invokes ingest with { type: "reprocess-stale" }, and EventBridge may invoke it', () => {
    const targets = template.findResources('AWS::Events::Rule')[logicalIdOf(stack.refreshRule)]!.Properties
      .Targets as {
      Arn: unknown;
      Input?: string;
    }[];
    const ingestTarget = targets.find((t) => JSON.stringify(t.Arn) === JSON.stringify(ingestArn));
    expect(JSON.parse(ingestTarget?.Input ?? 'null')).toEqual({ type: 'reprocess-stale' });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: ingestArn,
      Principal: 'events.amazonaws.com',
    });
  });

  it('EventBridge may send undeliverable schedule events to the DLQ', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalIdOf(stack.trigger.deadLetterQueue) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'sqs:SendMessage',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: {
              ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [logicalIdOf(stack.refreshRule), 'Arn'] } },
            },
          }),
        ]),
      },
    });
  });

  it('the refreshRate context value overrides the schedule', () => {
    const { template: custom } = buildStack({ props: { refreshRate: '6 hours' } });
    custom.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
  });

  it('a bad refreshRate fails the synth with a message naming it', () => {
    expect(() => buildStack({ props: { refreshRate: 'weekly' } })).toThrow(/Invalid refresh rate "weekly"/);
  });

  it('alarms on DLQ depth, ingest errors and API 5xx, each on the first occurrence', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const byMetric = (metric: string) => alarms.filter((a) => a.MetricName === metric);
    const dlq = byMetric('ApproximateNumberOfMessagesVisible').find((a) =>
      JSON.stringify(a.Dimensions).includes(logicalIdOf(stack.trigger.deadLetterQueue)),
    );
    const [errors] = byMetric('Errors');
    const [fivexx] = byMetric('5XXError');
    expect(dlq).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(dlq?.Dimensions).toEqual([
      {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [logicalIdOf(stack.trigger.deadLetterQueue), 'QueueName'] },
      },
    ]);
    expect(errors).toMatchObject({
      Namespace: 'AWS/Lambda',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(errors.Dimensions).toEqual([
      { Name: 'FunctionName', Value: { Ref: logicalIdOf(stack.functions.ingest) } },
    ]);
    expect(fivexx).toMatchObject({ Namespace: 'AWS/ApiGateway', Threshold: 0 });
  });
});
