/**
 * SubscriptionStore over the single table: `SUB#{id}` / `SUB` (gsi1 `SUBS` / `{id}` lists them),
 * `SUB#{id}` / `DLV#{time}#{eventId}#{attempt}` one delivery attempt, `SUB#{id}` / `DONE#{eventId}` the
 * marker that an event reached this subscription (a redelivered message skips it). Attempts and markers
 * carry `expiresAt` (epoch seconds) so a table TTL on that attribute can drop them.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import type { DeliveryAttempt, StoredSubscription, SubscriptionStore } from '../notify/subscription';
import { checkLimit } from './cursor';
import { listGsi1Partition } from './gsi1-list';
import type { Page, PageRequest } from './ports';
import { GSI1, KEY } from './table-definition';

const SK = 'SUB';
const LIST_PK = 'SUBS';
const KEEP_SECONDS = 30 * 24 * 3600;
const FIELDS = [
  'id',
  'url',
  'events',
  'sheets',
  'enabled',
  'disabledReason',
  'createdAt',
  'updatedAt',
  'secretCiphertext',
] as const;
const ATTEMPT_FIELDS = [
  'eventId',
  'eventType',
  'at',
  'attempt',
  'status',
  'durationMs',
  'outcome',
  'error',
] as const;

const pk = (id: string) => `SUB#${id}`;
const expiresAt = () => Math.floor(Date.now() / 1000) + KEEP_SECONDS;

function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (item[field] !== undefined && item[field] !== null) out[field] = item[field];
  if ('status' in item && item.status === null) out.status = null;
  return out as T;
}

export class DynamoSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(id: string): Promise<StoredSubscription | null> {
    try {
      const res = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [KEY.pk]: pk(id), [KEY.sk]: SK },
          ConsistentRead: true,
        }),
      );
      return res.Item ? pick<StoredSubscription>(res.Item, FIELDS) : null;
    } catch (err) {
      return translateAwsError(err, `get subscription ${id}`);
    }
  }

  list(page: PageRequest): Promise<Page<StoredSubscription>> {
    return listGsi1Partition(
      this.client,
      this.tableName,
      LIST_PK,
      page,
      (item) => pick<StoredSubscription>(item, FIELDS),
      'list subscriptions',
    );
  }

  async listAll(): Promise<StoredSubscription[]> {
    const all: StoredSubscription[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: 100, ...(cursor !== undefined && { cursor }) });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  async put(subscription: StoredSubscription): Promise<void> {
    const item = {
      [KEY.pk]: pk(subscription.id),
      [KEY.sk]: SK,
      [GSI1.pk]: LIST_PK,
      [GSI1.sk]: subscription.id,
      ...subscription,
    };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
    } catch (err) {
      translateAwsError(err, `put subscription ${subscription.id}`);
    }
  }

  async delete(id: string): Promise<boolean> {
    try {
      const res = await this.client.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { [KEY.pk]: pk(id), [KEY.sk]: SK },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return res.Attributes !== undefined;
    } catch (err) {
      return translateAwsError(err, `delete subscription ${id}`);
    }
  }

  async disable(id: string, reason: string, at: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [KEY.pk]: pk(id), [KEY.sk]: SK },
          UpdateExpression: 'SET enabled = :f, disabledReason = :r, updatedAt = :at',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': KEY.pk },
          ExpressionAttributeValues: { ':f': false, ':r': reason, ':at': at },
        }),
      );
    } catch (err) {
      if ((err as Error)?.name === 'ConditionalCheckFailedException') return;
      translateAwsError(err, `disable subscription ${id}`);
    }
  }

  async recordAttempt(subscriptionId: string, attempt: DeliveryAttempt): Promise<void> {
    const sk = `DLV#${attempt.at}#${attempt.eventId}#${String(attempt.attempt).padStart(3, '0')}`;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [KEY.pk]: pk(subscriptionId), [KEY.sk]: sk, ...attempt, expiresAt: expiresAt() },
        }),
      );
    } catch (err) {
      translateAwsError(err, `record delivery to ${subscriptionId}`);
    }
  }

  async listAttempts(subscriptionId: string, limit: number): Promise<DeliveryAttempt[]> {
    try {
      const res = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :p)',
          ExpressionAttributeNames: { '#pk': KEY.pk, '#sk': KEY.sk },
          ExpressionAttributeValues: { ':pk': pk(subscriptionId), ':p': 'DLV#' },
          ScanIndexForward: false,
          Limit: checkLimit(limit),
          ConsistentRead: true,
        }),
      );
      return (res.Items ?? []).map((item) => pick<DeliveryAttempt>(item, ATTEMPT_FIELDS));
    } catch (err) {
      return translateAwsError(err, `list deliveries of ${subscriptionId}`);
    }
  }

  async markDelivered(subscriptionId: string, eventId: string): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [KEY.pk]: pk(subscriptionId), [KEY.sk]: `DONE#${eventId}`, expiresAt: expiresAt() },
        }),
      );
    } catch (err) {
      translateAwsError(err, `mark ${eventId} delivered to ${subscriptionId}`);
    }
  }

  async isDelivered(subscriptionId: string, eventId: string): Promise<boolean> {
    try {
      const res = await this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [KEY.pk]: pk(subscriptionId), [KEY.sk]: `DONE#${eventId}` },
          ConsistentRead: true,
        }),
      );
      return res.Item !== undefined;
    } catch (err) {
      return translateAwsError(err, `read delivery marker of ${subscriptionId}`);
    }
  }
}
