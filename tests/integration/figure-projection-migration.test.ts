/**
 * A DATA_DIR written before the projection's current shapes (gsi2 `FIG#{kind}` items, figures without
 * keys, META without projectionVersion) on dynalite: the sheet reads as unprojected, and the reprocess-stale
 * run every start performs re-projects it, old items overwritten or deleted, keys filled in.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/aws/clients';
import { reprocessAll } from '../../shared/pipeline/reprocess';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { syntheticSheet } from '../support/figure-sheets';
import { memoryDeps } from '../support/pipeline-deps';
import { createTestResources, sheetItemsUnder, testDocuments } from '../support/resources';

it('re-projects a sheet projected by an older version on the next reprocess-stale run', async () => {
  const { tableName, bucketName } = await createTestResources('figmig');
  const repo = new DynamoSheetRepository(documentClient(), tableName, {
    documents: testDocuments(bucketName),
  });
  const sheet = syntheticSheet(3);
  await repo.publishRevision({ sheet, archiveKey: 'a', reason: 'upload', diff: null, expectedLatest: 0 });
  // Make it look like the old layout: one old-shaped item, no projection version, the new items gone.
  for (const item of await sheetItemsUnder(tableName, sheet.id, 'LATEST#')) {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET revision = :old',
        ExpressionAttributeValues: { ':old': 0 },
      }),
    );
  }
  await documentClient().send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `SHEET#${sheet.id}`,
        sk: 'LATEST#F#00099',
        gsi2pk: 'FIG#money',
        gsi2sk: `FY#----#${sheet.id}#00099`,
        revision: 1,
      },
    }),
  );
  await documentClient().send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: `SHEET#${sheet.id}`, sk: 'META' },
      UpdateExpression: 'REMOVE projectionVersion',
    }),
  );
  expect((await repo.getMeta(sheet.id))?.projectedRevision).toBeUndefined();
  expect((await repo.queryLatestFigures({ kind: 'money', limit: 10 })).items).toEqual([]);

  // The parser version is current, so nothing is re-parsed; the projection is repaired on the way.
  const summary = await reprocessAll(memoryDeps({ sheets: repo, parserVersion: sheet.parserVersion }));
  expect(summary).toMatchObject({ total: 1, unchanged: 1, published: 0 });

  expect((await repo.getMeta(sheet.id))?.projectedRevision).toBe(1);
  const money = await repo.queryLatestFigures({ kind: 'money', limit: 10 });
  expect(money.items.map((f) => [f.text, f.key])).toEqual([
    [sheet.figures[0]!.text, 'r1-1'],
    [sheet.figures[3]!.text, 'r1-4'],
  ]);
  const left = (await sheetItemsUnder(tableName, sheet.id, 'LATEST#')).map((i) => i.sk);
  expect(left).not.toContain('LATEST#F#00099');
});
