/**
 * Races and partial failures on the real emulators: concurrent uploads of one sheet, a failure between the
 * child writes and the META flip, a writer that stopped after the flip.
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../functions/ingest';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { S3BlobStore } from '../../shared/blobs/s3-blob-store';
import { TransientStoreError } from '../../shared/errors';
import { PARSER_VERSION, parseSheet } from '../../shared/index';
import { silentLogger } from '../../shared/observability';
import type { PipelineDeps } from '../../shared/pipeline/deps';
import { ingestObject, sha256Hex } from '../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { RecordingMetrics } from '../support/fakes/recording-observability';
import { withoutFigureKeys } from '../support/figure-keys';
import { fixture } from '../support/pipeline-deps';
import {
  createTestResources,
  sheetItemsUnder,
  type TestResources,
  testDocuments,
} from '../support/resources';
import { putEvent } from '../support/s3-events';

const MALI = fixture('sheets/mali.txt').toString('utf8');
const REVISED = fixture('sheets/mali-revised.txt');

let resources: TestResources;
let sheets: DynamoSheetRepository;

/** Fails between the child writes and the META flip while `failNext` is set. */
class FlakyRepository extends DynamoSheetRepository {
  failNext = false;
  protected override async beforeFlip(): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new TransientStoreError('injected: connection lost before the META flip');
    }
  }
}

function deps(repository: DynamoSheetRepository): PipelineDeps {
  return {
    sheets: repository,
    blobs: new S3BlobStore(s3Client(), resources.bucketName),
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger: silentLogger,
    metrics: new RecordingMetrics(),
    maxSourceBytes: 2 * 1024 * 1024,
  };
}

async function putSource(key: string, bytes: Uint8Array | string) {
  await s3Client().send(new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: bytes }));
}

const itemsUnder = (id: string, prefix: string) => sheetItemsUnder(resources.tableName, id, prefix);

beforeAll(async () => {
  resources = await createTestResources('ingest-race');
  sheets = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

describe('concurrent uploads of one sheet', () => {
  it('10 concurrent uploads → revisions strictly increasing, none lost, final content = last upload', async () => {
    const versions = Array.from(
      { length: 10 },
      (_, i) => `${MALI}\nThe embassy counted ${i + 1}00 visitors in 2023.`,
    );
    const byHash = new Map(versions.map((v) => [sha256Hex(Buffer.from(v)), v]));
    await Promise.all(
      versions.map(async (text) => {
        await putSource('sources/race.txt', text);
        await handler(putEvent(resources.bucketName, 'sources/race.txt'));
      }),
    );
    // Whatever order S3 applied the puts in, the object now holds the last one.
    const current = await s3Client().send(
      new GetObjectCommand({ Bucket: resources.bucketName, Key: 'sources/race.txt' }),
    );
    const finalHash = sha256Hex(
      await (current.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
    );

    const meta = await sheets.getMeta('race');
    expect(meta?.sourceHash).toBe(finalHash);
    const history = (await sheets.listRevisions('race', { limit: 100 })).items;
    const numbers = history.map((h) => h.revision).reverse();
    expect(numbers).toEqual(Array.from({ length: meta?.latestRevision ?? 0 }, (_, i) => i + 1));
    for (const header of history) {
      // Each revision is exactly the parse of one uploaded version: no mixing of concurrent writers' items.
      const uploaded = byHash.get(header.sourceHash);
      expect(uploaded).toBeDefined();
      const stored = await sheets.getRevision('race', header.revision);
      expect(withoutFigureKeys(stored?.sheet)).toEqual(
        parseSheet(Buffer.from(uploaded ?? ''), { id: 'race', contentType: 'text/plain' }),
      );
      if (header.revision > 1) expect(header.diff?.from).toBe(header.revision - 1);
    }
    // Consecutive revisions never repeat the same bytes.
    for (let i = 1; i < history.length; i++)
      expect(history[i]?.sourceHash).not.toBe(history[i - 1]?.sourceHash);
    expect(meta?.projectedRevision).toBe(meta?.latestRevision);
  });
});

describe('a failure between the child writes and the META flip', () => {
  it('leaves readers on revision N, and a retry publishes N+1', async () => {
    const flaky = new FlakyRepository(documentClient(), resources.tableName, {
      documents: testDocuments(resources.bucketName),
    });
    await putSource('sources/flaky.txt', MALI);
    expect(await ingestObject(deps(flaky), { key: 'sources/flaky.txt' })).toMatchObject({ revision: 1 });

    await putSource('sources/flaky.txt', REVISED);
    flaky.failNext = true;
    await expect(ingestObject(deps(flaky), { key: 'sources/flaky.txt' })).rejects.toBeInstanceOf(
      TransientStoreError,
    );
    expect((await sheets.getMeta('flaky'))?.latestRevision).toBe(1);
    expect((await sheets.getRevision('flaky', 1))?.sheet.text).toContain('$148 million');
    expect(await sheets.getRevision('flaky', 2)).toBeNull();
    expect(await sheets.getRevisionHeader('flaky', 2)).toBeNull();
    expect((await sheets.listRevisions('flaky', { limit: 10 })).items.map((h) => h.revision)).toEqual([1]);
    // The failed attempt cleaned up after itself.
    expect(await itemsUnder('flaky', 'REV#00000002')).toEqual([]);

    // Lambda's retry: the real handler with the same event.
    const retry = await handler(putEvent(resources.bucketName, 'sources/flaky.txt'));
    expect(retry.outcomes).toEqual([expect.objectContaining({ status: 'published', revision: 2 })]);
    expect((await sheets.getRevision('flaky', 2))?.sheet.text).toContain('$152 million');
  });
});

describe('a writer that stopped after the META flip', () => {
  it('still serves the new revision, and the next ingest completes marker and projection', async () => {
    await putSource('sources/halted.txt', REVISED);
    await handler(putEvent(resources.bucketName, 'sources/halted.txt'));
    const pk = 'SHEET#halted';
    // Undo what finalize wrote: the marker, the projection and META.projectedRevision.
    await documentClient().send(
      new DeleteCommand({ TableName: resources.tableName, Key: { pk, sk: 'REV#00000001' } }),
    );
    for (const item of await itemsUnder('halted', 'LATEST#F#')) {
      await documentClient().send(
        new DeleteCommand({ TableName: resources.tableName, Key: { pk, sk: item.sk } }),
      );
    }
    await documentClient().send(
      new UpdateCommand({
        TableName: resources.tableName,
        Key: { pk, sk: 'META' },
        UpdateExpression: 'REMOVE projectedRevision',
      }),
    );

    const stored = await sheets.getRevision('halted', 1);
    expect(stored?.sheet.text).toContain('$152 million');
    expect((await sheets.getRevisionHeader('halted', 1))?.revision).toBe(1);
    expect((await sheets.getFigures('halted', 1)).length).toBe(stored?.sheet.figures.length);

    const again = await handler(putEvent(resources.bucketName, 'sources/halted.txt'));
    expect(again.outcomes).toEqual([{ status: 'unchanged', id: 'halted', revision: 1 }]);
    expect(await itemsUnder('halted', 'REV#00000001')).toEqual(
      expect.arrayContaining([expect.objectContaining({ sk: 'REV#00000001' })]),
    );
    expect((await itemsUnder('halted', 'LATEST#F#')).length).toBe(stored?.sheet.figures.length);
    expect((await sheets.getMeta('halted'))?.projectedRevision).toBe(1);
  });
});
