/**
 * One sheet, two source keys: `sources/{id}.txt` and `sources/{id}.html` are one slot. Nothing may delete
 * the older key, so ingest must not publish it again when its event is redelivered (or replayed) after a
 * newer upload under the other extension. Real ingest handler on s3rver + dynalite.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { handler } from '../../functions/ingest';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { parseSheet } from '../../shared/index';
import { sha256Hex } from '../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { withoutFigureKeys } from '../support/figure-keys';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';
import { putEvent } from '../support/s3-events';

const TXT = fixture('sheets/mali.txt');
const HTML = fixture('sheets/mali.html');
const REVISED = fixture('sheets/mali-revised.txt');

let resources: TestResources;
let sheets: DynamoSheetRepository;

async function put(key: string, bytes: Uint8Array, contentType: string) {
  await s3Client().send(
    new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: bytes, ContentType: contentType }),
  );
}

/** S3 LastModified has one-second precision: the next write must land in a later second to be "newer". */
const nextSecond = () => new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));

beforeAll(async () => {
  resources = await createTestResources('ingest-slot');
  sheets = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

describe('a sheet with both a .txt and a .html source', () => {
  it('publishes only the newest object: a redelivered older event is superseded, a newer upload wins', async () => {
    await put('sources/slot.txt', TXT, 'text/plain');
    const first = await handler(putEvent(resources.bucketName, 'sources/slot.txt'));
    expect(first.outcomes).toEqual([expect.objectContaining({ status: 'published', revision: 1 })]);

    await nextSecond();
    await put('sources/slot.html', HTML, 'text/html');
    const second = await handler(putEvent(resources.bucketName, 'sources/slot.html'));
    expect(second.outcomes).toEqual([expect.objectContaining({ status: 'published', revision: 2 })]);

    // S3 redelivers the old .txt event (or a replay sends it again): the .html object is newer.
    const replay = await handler(putEvent(resources.bucketName, 'sources/slot.txt'));
    expect(replay.outcomes).toEqual([{ status: 'ignored', reason: 'superseded' }]);
    const meta = await sheets.getMeta('slot');
    expect(meta).toMatchObject({ latestRevision: 2, sourceHash: sha256Hex(HTML) });
    expect(withoutFigureKeys((await sheets.getRevision('slot', 2))?.sheet)).toEqual(
      parseSheet(HTML, { id: 'slot', contentType: 'text/html' }),
    );
    expect((await sheets.getRevisionHeader('slot', 2))?.archiveKey).toMatch(/\.html$/);

    // A NEWER .txt upload is the latest upload again and wins.
    await nextSecond();
    await put('sources/slot.txt', REVISED, 'text/plain');
    const third = await handler(putEvent(resources.bucketName, 'sources/slot.txt'));
    expect(third.outcomes).toEqual([expect.objectContaining({ status: 'published', revision: 3 })]);
    expect(await sheets.getMeta('slot')).toMatchObject({ latestRevision: 3, sourceHash: sha256Hex(REVISED) });
    expect((await sheets.getRevision('slot', 3))?.sheet.text).toContain('$152 million');

    // And now the .html event replayed is the superseded one.
    const htmlReplay = await handler(putEvent(resources.bucketName, 'sources/slot.html'));
    expect(htmlReplay.outcomes).toEqual([{ status: 'ignored', reason: 'superseded' }]);
    expect((await sheets.getMeta('slot'))?.latestRevision).toBe(3);
  });
});
