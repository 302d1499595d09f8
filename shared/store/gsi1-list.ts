/**
 * One page of a fixed gsi1 partition that lists one kind of item (`SOURCES`, `SUBS`): the cursor is the
 * last key, checked to belong to that partition, and a cursor DynamoDB refuses is a 400 naming it.
 */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import { checkLimit, decodeCursor, encodeCursor } from './cursor';
import { rejectRefusedCursor } from './dynamo-table';
import type { Page, PageRequest } from './ports';
import { GSI1, KEY } from './table-definition';

export async function listGsi1Partition<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  listPk: string,
  page: PageRequest,
  decode: (item: Record<string, unknown>) => T,
  what: string,
): Promise<Page<T>> {
  const limit = checkLimit(page.limit);
  const shape = { keys: [KEY.pk, KEY.sk, GSI1.pk, GSI1.sk], fixed: { [GSI1.pk]: listPk } };
  const start = page.cursor === undefined ? undefined : decodeCursor(page.cursor, shape);
  try {
    const res = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': GSI1.pk },
        ExpressionAttributeValues: { ':pk': listPk },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    const items = (res.Items ?? []).map(decode);
    const nextCursor = encodeCursor(res.LastEvaluatedKey);
    return nextCursor ? { items, nextCursor } : { items };
  } catch (err) {
    rejectRefusedCursor(err, start);
    return translateAwsError(err, what);
  }
}
