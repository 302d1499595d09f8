import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/env';
import { deadLetter, eventBus, notifyQueue } from '../../shared/topology';

/**
 * The event side of the stack: the custom bus domain events go to (consumers may add their own rules to
 * it), the key that encrypts webhook signing secrets, and — once the notify function exists — the rule
 * that forwards our events to the notify queue, the queue's dead-letter queue and its alarm.
 */
export class EventBusResources extends Construct {
  readonly bus: events.EventBus;
  /**
   * A Secrets Manager secret rather than a KMS key: both targets then run the same AES-GCM code (locally
   * the key is a file), the functions read it once per cold start instead of calling KMS per delivery,
   * and only the api and notify roles may read it.
   */
  readonly webhookKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new events.EventBus(this, 'Bus', {
      description:
        'Fact-sheet domain events: sheet.revision.published, sheet.upload.rejected, source.refresh.failed',
    });
    this.webhookKey = new secretsmanager.Secret(this, 'WebhookKey', {
      description: 'Key material that encrypts webhook subscription signing secrets stored in the table',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // Losing it makes every stored subscription secret unreadable.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

export interface NotifyPipelineProps {
  bus: events.IEventBus;
  notify: lambda.Function;
}

/** Bus rule → SQS queue (retries with backoff, then a DLQ with an alarm) → the notify function. */
export class NotifyPipeline extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly rule: events.Rule;
  readonly deadLetters: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: NotifyPipelineProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(deadLetter.retentionDays),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(notifyQueue.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(notifyQueue.retentionDays),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: notifyQueue.maxReceiveCount },
    });
    this.rule = new events.Rule(this, 'ToNotify', {
      eventBus: props.bus,
      description: 'Forwards the pipeline’s events to the webhook delivery queue',
      eventPattern: { source: [eventBus.source] },
      targets: [
        new targets.SqsQueue(this.queue, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 8 }),
      ],
    });
    props.notify.addEventSource(
      new SqsEventSource(this.queue, { batchSize: notifyQueue.batchSize, reportBatchItemFailures: true }),
    );
    // The function sets each failed message's visibility to its backoff (ChangeMessageVisibility is in
    // the consume grant the event source adds).
    props.notify.addEnvironment(ENV.notifyQueueUrl, this.queue.queueUrl);
    this.deadLetters = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'DeadLetters', {
        threshold: 0,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: 'A webhook delivery exhausted its retries and is in the notify dead-letter queue',
      });
  }
}
