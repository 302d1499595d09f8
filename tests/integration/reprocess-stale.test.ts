/**
 * The real ingest handler on the emulators, invoked as the schedule invokes it: `{ type: 'reprocess-stale' }`
 * re-parses the sheets an older parser stored and leaves current ones alone.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
// Imported after env.ts; the handler wires itself (config, clients) on its first invocation.
import { handler } from '../../functions/ingest';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { PARSER_VERSION } from '../../shared/index';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';
import { putEvent } from '../support/s3-events';
import { publishStaleSheet } from '../support/stale-sheet';

const MALI = fixture('sheets/mali.txt');
const OLD_VERSION = '0.0.1';

let resources: TestResources;
let sheets: DynamoSheetRepository;

const stale = (id: string) =>
  publishStaleSheet({ ...resources, id, bytes: MALI, parserVersion: OLD_VERSION });

beforeAll(async () => {
  resources = await createTestResources('reprocess-stale');
  sheets = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
  await stale('old-a');
  await stale('old-b');
  await s3Client().send(
    new PutObjectCommand({ Bucket: resources.bucketName, Key: 'sources/current.txt', Body: MALI }),
  );
  await handler(putEvent(resources.bucketName, 'sources/current.txt'));
});

describe('ingest handler: reprocess-stale on the emulators', () => {
  it('re-parses the sheets stored by parser 0.0.1 to revision 2 and leaves the current one', async () => {
    expect(await sheets.getMeta('old-a')).toMatchObject({ latestRevision: 1, parserVersion: OLD_VERSION });

    const result = await handler({ type: 'reprocess-stale' });

    expect(result).toEqual({
      total: 3,
      published: 2,
      unchanged: 1,
      rejected: 0,
      failed: [],
      parserVersion: PARSER_VERSION,
    });
    for (const id of ['old-a', 'old-b']) {
      expect(await sheets.getMeta(id)).toMatchObject({ latestRevision: 2, parserVersion: PARSER_VERSION });
      const revision = await sheets.getRevision(id, 2);
      expect(revision?.header).toMatchObject({ reason: 'reprocess', parserVersion: PARSER_VERSION });
      // Same source, same parser output: the diff is empty, and revision 1 is kept.
      expect(revision?.header.diff?.figures).toEqual({ added: [], removed: [], changed: [] });
      expect((await sheets.getRevision(id, 1))?.header.parserVersion).toBe(OLD_VERSION);
    }
    expect(await sheets.getMeta('current')).toMatchObject({
      latestRevision: 1,
      parserVersion: PARSER_VERSION,
    });
  });

  it('a second run finds nothing stale', async () => {
    expect(await handler({ type: 'reprocess-stale' })).toMatchObject({
      total: 3,
      published: 0,
      unchanged: 3,
    });
    expect((await sheets.getMeta('old-a'))?.latestRevision).toBe(2);
  });

  it('a sheet whose archive is gone is in `failed`; the other stale sheet is still reprocessed', async () => {
    const missing = await stale('lost');
    await stale('old-c');
    await s3Client().send(new DeleteObjectCommand({ Bucket: resources.bucketName, Key: missing }));

    const result = await handler({ type: 'reprocess-stale' });

    expect(result).toMatchObject({ total: 5, published: 1, unchanged: 3, rejected: 0 });
    expect(result.failed).toEqual([{ id: 'lost', error: expect.stringContaining(missing) }]);
    expect(await sheets.getMeta('lost')).toMatchObject({ latestRevision: 1, parserVersion: OLD_VERSION });
    expect(await sheets.getMeta('old-c')).toMatchObject({ latestRevision: 2, parserVersion: PARSER_VERSION });
  });
});
