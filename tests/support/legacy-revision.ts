/**
 * Writes a revision the way versions before revision documents did (one item per section, figure and text
 * chunk, commit marker, META), so tests can show such tables and data dirs keep serving.
 */
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/aws/clients';
import type { ParsedSheet } from '../../shared/model';
import { pad, revisionsGsiPk } from '../../shared/store/keys';
import type { RevisionHeader } from '../../shared/store/ports';
import { headerBody, markerItem, revisionItems } from '../../shared/store/revision-items';

export async function writeLegacyRevision(
  tableName: string,
  sheet: ParsedSheet,
  revision = 1,
): Promise<void> {
  const attempt = 'a1b2c3d4';
  const header: RevisionHeader = {
    id: sheet.id,
    revision,
    sourceHash: sheet.sourceHash,
    archiveKey: `archive/${sheet.id}/${sheet.sourceHash}.txt`,
    parserVersion: sheet.parserVersion,
    contentType: sheet.contentType,
    reason: 'upload',
    createdAt: '2026-01-01T00:00:00.000Z',
    title: sheet.title,
    country: sheet.country,
    counts: { sections: sheet.sections.length, figures: sheet.figures.length },
    diff: null,
  };
  const body = headerBody(header, sheet);
  const items = [
    ...revisionItems(body, sheet, attempt),
    markerItem(body, attempt, { gsi1pk: revisionsGsiPk(sheet.id), gsi1sk: pad(revision, 8) }),
  ];
  for (let i = 0; i < items.length; i += 25) {
    const chunk = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    await documentClient().send(new BatchWriteCommand({ RequestItems: { [tableName]: chunk } }));
  }
  await documentClient().send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `SHEET#${sheet.id}`,
        sk: 'META',
        id: sheet.id,
        latestRevision: revision,
        latestAttempt: attempt,
        projectedRevision: revision,
        title: sheet.title,
        country: sheet.country,
        bureau: sheet.bureau,
        publishedOn: sheet.publishedOn,
        contentType: sheet.contentType,
        sourceHash: sheet.sourceHash,
        parserVersion: sheet.parserVersion,
        counts: header.counts,
        createdAt: header.createdAt,
        updatedAt: header.createdAt,
        gsi1pk: 'SHEETS',
        gsi1sk: sheet.id,
      },
    }),
  );
}
