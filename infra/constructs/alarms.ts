import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface PipelineAlarmsProps {
  deadLetterQueue: sqs.IQueue;
  ingest: lambda.IFunction;
  api: apigw.RestApi;
}

/**
 * Alarms for the failures nobody would otherwise see: an event that exhausted its retries (DLQ depth),
 * ingest errors, and API 5xx answers. Each fires on the first occurrence; none has an action, so a deployer
 * subscribes whatever notification they use.
 */
export class PipelineAlarms extends Construct {
  readonly deadLetters: cloudwatch.Alarm;
  readonly ingestErrors: cloudwatch.Alarm;
  readonly apiServerErrors: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PipelineAlarmsProps) {
    super(scope, id);
    const anyOccurrence = {
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };
    const period = Duration.minutes(5);
    this.deadLetters = props.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' })
      .createAlarm(this, 'DeadLetters', {
        ...anyOccurrence,
        alarmDescription: 'An S3 event or schedule run exhausted its retries and is in the dead-letter queue',
      });
    this.ingestErrors = props.ingest
      .metricErrors({ period, statistic: 'Sum' })
      .createAlarm(this, 'IngestErrors', {
        ...anyOccurrence,
        alarmDescription: 'The ingest function failed (it will retry; see its log group)',
      });
    this.apiServerErrors = props.api
      .metricServerError({ period, statistic: 'Sum' })
      .createAlarm(this, 'Api5xx', {
        ...anyOccurrence,
        alarmDescription: 'The API answered 5xx',
      });
  }
}
