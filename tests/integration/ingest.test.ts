/**
 * The ingest handler against real s3rver + dynalite: S3 event records in, revisions out.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
// Imported after env.ts; the handler wires itself (config, clients) on its first invocation.
import { handler } from '../../functions/ingest';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { parseSheet } from '../../shared/index';
import { assignFigureKeys } from '../../shared/pipeline/figure-keys';
import { sha256Hex } from '../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { BAD_INPUTS, fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';
import { loadS3Event, putEvent } from '../support/s3-events';

const MALI = fixture('sheets/mali.txt');
const REVISED = fixture('sheets/mali-revised.txt');

let resources: TestResources;
let sheets: DynamoSheetRepository;

async function putSource(key: string, bytes: Uint8Array) {
  await s3Client().send(new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: bytes }));
}

async function upload(key: string, bytes: Uint8Array) {
  await putSource(key, bytes);
  return handler(putEvent(resources.bucketName, key));
}

beforeAll(async () => {
  resources = await createTestResources('ingest');
  sheets = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

describe('ingest handler on the emulators', () => {
  it('accepts the AWS sample put event: first upload → revision 1 with every section and figure', async () => {
    await putSource('sources/mali.txt', MALI);
    const result = await handler(loadS3Event('S3Put.json', resources.bucketName));
    expect(result.outcomes).toEqual([
      expect.objectContaining({ status: 'published', id: 'mali', revision: 1 }),
    ]);

    // Revision 1: every figure gets the key its position mints.
    const expected = assignFigureKeys(null, parseSheet(MALI, { id: 'mali', contentType: 'text/plain' }), 1);
    const stored = await sheets.getRevision('mali', 1);
    expect(stored?.sheet).toEqual(expected);
    expect(await sheets.getSections('mali', 1)).toEqual(expected.sections);
    expect(await sheets.getFigures('mali', 1)).toEqual(expected.figures);
    expect(stored?.header).toMatchObject({
      revision: 1,
      sourceHash: sha256Hex(MALI),
      reason: 'upload',
      diff: null,
    });
    expect(await sheets.getMeta('mali')).toMatchObject({ latestRevision: 1, projectedRevision: 1 });
  });

  it('identical re-upload → still revision 1', async () => {
    const result = await upload('sources/mali.txt', MALI);
    expect(result.outcomes).toEqual([{ status: 'unchanged', id: 'mali', revision: 1 }]);
    expect((await sheets.listRevisions('mali', { limit: 10 })).items).toHaveLength(1);
  });

  it('revised upload → revision 2 with a diff naming exactly the changed figures', async () => {
    const result = await upload('sources/mali.txt', REVISED);
    expect(result.outcomes[0]).toMatchObject({ status: 'published', revision: 2 });
    const header = await sheets.getRevisionHeader('mali', 2);
    expect(header?.diff?.figures.changed.map((c) => [c.before.text, c.after.text])).toEqual([
      ['$148 million', '$152 million'],
      ['57 percent', '58 percent'],
      ['five percent', 'six percent'],
    ]);
    expect(header?.diff?.figures.removed).toEqual([]);
    expect((await sheets.getRevision('mali', 2))?.sheet.text).toContain('$152 million');
    // History is kept: revision 1 still reads as it was.
    expect((await sheets.getRevision('mali', 1))?.sheet.text).toContain('$148 million');
  });

  it('the same event delivered 3 times → one revision', async () => {
    await putSource('sources/niger.txt', MALI);
    const event = putEvent(resources.bucketName, 'sources/niger.txt');
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(...(await handler(event)).outcomes);
    expect(outcomes.map((o) => o.status)).toEqual(['published', 'unchanged', 'unchanged']);
    expect((await sheets.getMeta('niger'))?.latestRevision).toBe(1);
  });

  it('an older event handled after a newer one → the latest content wins', async () => {
    await putSource('sources/chad.txt', MALI);
    const older = putEvent(resources.bucketName, 'sources/chad.txt', '2026-01-01T00:00:00.000Z');
    await putSource('sources/chad.txt', REVISED);
    const newer = putEvent(resources.bucketName, 'sources/chad.txt', '2026-01-01T00:00:05.000Z');
    await handler(newer);
    const late = await handler(older);
    expect(late.outcomes).toEqual([{ status: 'unchanged', id: 'chad', revision: 1 }]);
    expect((await sheets.getMeta('chad'))?.sourceHash).toBe(sha256Hex(REVISED));
  });

  it.each(BAD_INPUTS)(
    'rejects $label: error record, and the previous revision still served',
    async ({ bytes, ext, reason }) => {
      const before = await sheets.getMeta('mali');
      const result = await upload(`sources/mali.${ext}`, bytes);
      expect(result.outcomes).toEqual([expect.objectContaining({ status: 'rejected', id: 'mali', reason })]);
      const meta = await sheets.getMeta('mali');
      expect(meta?.latestRevision).toBe(before?.latestRevision);
      expect(meta?.sourceHash).toBe(before?.sourceHash);
      expect(meta?.lastError).toMatchObject({ key: `sources/mali.${ext}`, reason });
      expect((await sheets.listErrors('mali', { limit: 1 })).items[0]).toMatchObject({ reason });
      expect((await sheets.getRevision('mali', 2))?.sheet.text).toContain('$152 million');
    },
  );

  it('rejects an over-limit source (2 MB + 1 byte): error record, revision still served', async () => {
    const tooBig = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
    const result = await upload('sources/mali.txt', tooBig);
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'rejected', reason: 'too-large' })]);
    expect((await sheets.getMeta('mali'))?.lastError?.reason).toBe('too-large');
    expect((await sheets.getRevision('mali', 2))?.sheet.text).toContain('$152 million');
    // A sheet whose first upload is refused has no META, only its error records.
    await upload('sources/big.txt', tooBig);
    expect(await sheets.getMeta('big')).toBeNull();
    expect((await sheets.listErrors('big', { limit: 5 })).items).toEqual([
      expect.objectContaining({ key: 'sources/big.txt', reason: 'too-large' }),
    ]);
  });

  it('decodes form-URL-encoded keys: spaces and non-ASCII become an error record under a sanitized id', async () => {
    const event = putEvent(resources.bucketName, 'sources/côte d.txt');
    expect(event.Records[0]?.s3.object.key).toBe('sources/c%C3%B4te+d.txt');
    await putSource('sources/côte d.txt', MALI);
    const result = await handler(event);
    expect(result.outcomes).toEqual([
      expect.objectContaining({ status: 'rejected', id: 'cote-d', reason: 'bad-id' }),
    ]);
    expect((await sheets.listErrors('cote-d', { limit: 5 })).items[0]).toMatchObject({
      key: 'sources/côte d.txt',
    });
    expect(await sheets.getMeta('cote-d')).toBeNull();
  });

  it('handles every record of a mixed event; one bad record does not stop the others', async () => {
    await putSource('sources/mali.txt', MALI);
    const result = await handler(loadS3Event('put-mixed.json', resources.bucketName));
    expect(result.outcomes.map((o) => o.status)).toEqual(['published', 'ignored', 'rejected', 'rejected']);
    expect((await sheets.getMeta('mali'))?.sourceHash).toBe(sha256Hex(MALI));
  });

  it('ignores s3:TestEvent and delete records', async () => {
    const test = JSON.parse(fixture('events/s3/test-event.json').toString('utf8'));
    expect(await handler(test)).toEqual({ outcomes: [], retryable: [] });
    const deleted = await handler(loadS3Event('S3Delete.json', resources.bucketName));
    expect(deleted.outcomes).toEqual([{ status: 'ignored', reason: 'outside-sources' }]);
  });

  it('lists the ingested sheets and their latest figures across sheets', async () => {
    const listed = await sheets.listSheets({ limit: 100 });
    expect(listed.items.map((m) => m.id).sort()).toEqual(['chad', 'mali', 'niger']);
    const money = await sheets.queryLatestFigures({ kind: 'money', fiscalYear: 2021, limit: 100 });
    expect(money.items.length).toBeGreaterThan(0);
    for (const figure of money.items) {
      expect(figure.kind).toBe('money');
      expect((await sheets.getMeta(figure.sheetId))?.latestRevision).toBe(figure.revision);
    }
  });
});
