/** The notify function's dependencies from the environment: the subscription store, key, SSRF policy and queue. */
import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import { documentClient } from '../aws/clients';
import { loadTableName } from '../config';
import { ENV, optional } from '../env';
import type { MessageDeps, QueueMessage } from '../notify/queue-messages';
import { secretBoxFromEnv } from '../notify/secret-box';
import { webhookPolicyFromEnv } from '../notify/webhook-url';
import { createLogger } from '../observability';
import { DynamoSubscriptionStore } from '../store/dynamo-subscriptions';

export async function notifyDepsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<MessageDeps> {
  const queueUrl = optional(env, ENV.notifyQueueUrl);
  let sqs: SQSClient | undefined;
  return {
    subscriptions: new DynamoSubscriptionStore(documentClient(), loadTableName(env)),
    box: await secretBoxFromEnv(env),
    policy: webhookPolicyFromEnv(env),
    clock: () => new Date(),
    logger: createLogger('factsheet-notify'),
    // Only on AWS: the local queue applies the same backoff itself.
    ...(queueUrl && {
      retryLater: async (message: QueueMessage, seconds: number) => {
        if (!message.receiptHandle) return;
        sqs ??= new SQSClient({});
        await sqs.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: queueUrl,
            ReceiptHandle: message.receiptHandle,
            VisibilityTimeout: seconds,
          }),
        );
      },
    }),
  };
}
