import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetter, s3Trigger } from '../../shared/topology';

export interface IngestTriggerProps {
  bucket: s3.IBucket;
  ingest: lambda.IFunction;
}

/**
 * `topology.s3Trigger` on AWS: one ObjectCreated notification per source suffix (S3 allows one suffix per
 * filter), asynchronous retries and event age from the topology, and failed events in an encrypted SQS
 * dead-letter queue that only accepts TLS.
 */
export class IngestTrigger extends Construct {
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: IngestTriggerProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(deadLetter.retentionDays),
    });
    props.ingest.configureAsyncInvoke({
      retryAttempts: s3Trigger.retryAttempts,
      maxEventAge: Duration.seconds(s3Trigger.maxEventAgeSeconds),
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    const destination = new LambdaDestination(props.ingest);
    for (const suffix of s3Trigger.suffixes) {
      props.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, {
        prefix: s3Trigger.prefix,
        suffix,
      });
    }
  }
}
