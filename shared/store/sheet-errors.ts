/**
 * A sheet's error records: one `ERR#` item per refused input, newest first, and `META.lastError` when the
 * sheet has revisions. Never touches revisions.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws/errors';
import type { DynamoTable } from './dynamo-table';
import { ERROR_SK_PREFIX, errorSk, sheetPk } from './keys';
import { updateMetaIf } from './meta-item';
import type { Page, PageRequest, SheetErrorRecord } from './ports';

export async function recordSheetError(
  table: DynamoTable,
  id: string,
  error: SheetErrorRecord,
): Promise<void> {
  const pk = sheetPk(id);
  try {
    await table.client.send(
      new PutCommand({
        TableName: table.name,
        Item: { pk, sk: errorSk(error.at, randomBytes(3).toString('hex')), ...error },
      }),
    );
  } catch (err) {
    translateAwsError(err, 'DynamoDB recordError');
  }
  // A sheet without revisions keeps no META (getMeta stays null), so the condition refuses: its ERR# items
  // are listErrors'.
  await updateMetaIf(
    table,
    id,
    { update: 'SET lastError = :e', condition: 'attribute_exists(latestRevision)', values: { ':e': error } },
    'DynamoDB recordError',
  );
}

export async function listSheetErrors(
  table: DynamoTable,
  id: string,
  page: PageRequest,
): Promise<Page<SheetErrorRecord>> {
  const pk = sheetPk(id);
  const result = await table.queryPage(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': ERROR_SK_PREFIX },
      ScanIndexForward: false,
    },
    page,
    { keys: ['pk', 'sk'], fixed: { pk }, prefixes: { sk: ERROR_SK_PREFIX } },
  );
  return {
    ...result,
    items: result.items.map(
      ({ at, key, reason, message, sourceHash }) =>
        ({
          at,
          key,
          reason,
          message,
          ...(typeof sourceHash === 'string' && { sourceHash }),
        }) as SheetErrorRecord,
    ),
  };
}
