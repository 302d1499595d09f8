/**
 * Reads revisions stored before revision documents: one item per section, figure and text chunk under
 * `REV#{rev}#{attempt}#`. Tables and data dirs written by older versions keep serving through this; new
 * revisions never take this path (their header names a document).
 */
import { TransientStoreError } from '../errors';
import type { DynamoTable, Item } from './dynamo-table';
import { attemptPrefix, sheetPk } from './keys';
import { assembleContent, type HeaderItemBody, type RevisionContent } from './revision-items';

/** The content of a legacy revision, from its attempt's items (read after the attempt was resolved). */
export async function readLegacyContent(
  table: DynamoTable,
  id: string,
  revision: number,
  attempt: string,
  head: HeaderItemBody,
): Promise<RevisionContent> {
  const items = await table.queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': sheetPk(id), ':prefix': attemptPrefix(revision, attempt) },
  });
  return completeContent(id, items, revision, attempt, head);
}

/**
 * The content of a revision, refusing an incomplete one: a revision is immutable and the API caches it for
 * good, so items missing against the header's counts (or a spilled value missing a part) are a transient
 * failure to retry, never a revision to serve.
 */
function completeContent(
  id: string,
  items: readonly Item[],
  revision: number,
  attempt: string,
  head: HeaderItemBody,
): RevisionContent {
  const incomplete = (cause?: unknown) =>
    new TransientStoreError(`Sheet ${id}: revision ${revision} was read incompletely; retry`, { cause });
  let content: RevisionContent;
  try {
    content = assembleContent(items, revision, attempt, head);
  } catch (err) {
    throw incomplete(err);
  }
  const textPrefix = `${attemptPrefix(revision, attempt)}T#`;
  const chunks = new Set(
    items
      .filter((item) => item.sk.startsWith(textPrefix))
      .map((item) => Number(item.sk.slice(textPrefix.length)))
      .filter((n) => n < head.textChunks),
  );
  if (
    content.sections.length !== head.sectionCount ||
    content.figures.length !== head.figureCount ||
    chunks.size !== head.textChunks
  ) {
    throw incomplete();
  }
  return content;
}
