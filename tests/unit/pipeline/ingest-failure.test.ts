/**
 * An ingest failure a retry would repeat is a rejection on the sheet, naming the bytes; a transient one
 * only throws for the retry (shared/pipeline/ingest-failure.ts).
 */
import { CorruptObjectError, TransientStoreError } from '../../../shared/errors';
import { sha256Hex } from '../../../shared/pipeline/ingest';
import { handleIngestEvent } from '../../../shared/pipeline/ingest-events';
import { InMemoryEventPublisher } from '../../support/fakes/memory-events';
import { InMemoryUploadRepository } from '../../support/fakes/memory-uploads';
import { fixture, memoryDeps } from '../../support/pipeline-deps';
import { putEvent } from '../../support/s3-events';

const BUCKET = 'bucket';

describe('ingest failures', () => {
  it('a parser crash is recorded as ingest-failed with the bytes’ hash, and still thrown for the DLQ', async () => {
    const deps = memoryDeps();
    const bytes = fixture('sheets/mali.txt');
    await deps.blobs.put('sources/mali.txt', bytes, 'text/plain');
    deps.parse = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    await expect(handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'))).rejects.toThrow(
      AggregateError,
    );
    const errors = await deps.sheets.listErrors('mali', { limit: 5 });
    expect(errors.items).toEqual([
      expect.objectContaining({
        key: 'sources/mali.txt',
        reason: 'ingest-failed',
        message: expect.stringContaining('RangeError: Maximum call stack size exceeded'),
        sourceHash: sha256Hex(bytes),
      }),
    ]);
    expect(await deps.sheets.getMeta('mali')).toBeNull();
  });

  it('the upload resource says rejected and subscribers get one sheet.upload.rejected, however often it fails', async () => {
    const uploads = new InMemoryUploadRepository();
    const events = new InMemoryEventPublisher();
    const deps = memoryDeps({ uploads, events });
    const bytes = fixture('sheets/mali.txt');
    const uploadId = sha256Hex(bytes);
    await uploads.recordPending({
      sheetId: 'mali',
      uploadId,
      key: 'sources/mali.txt',
      bytes: bytes.length,
      uploadedAt: new Date().toISOString(),
    });
    await deps.blobs.put('sources/mali.txt', bytes, 'text/plain');
    deps.parse = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'))).rejects.toThrow();
    }
    expect(await uploads.get('mali', uploadId)).toEqual(
      expect.objectContaining({ status: 'rejected', reason: 'ingest-failed' }),
    );
    expect(events.events.map((e) => [e.type, e.data])).toEqual(
      Array(3).fill([
        'sheet.upload.rejected',
        expect.objectContaining({ sheetId: 'mali', uploadId, reason: 'ingest-failed' }),
      ]),
    );
    // One occurrence: every attempt's event carries the same id, so a consumer sees it once.
    expect(new Set(events.events.map((e) => e.id)).size).toBe(1);
  });

  it('on a published sheet the failure becomes lastError and the revision keeps serving', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    await handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'));
    const revised = fixture('sheets/mali-revised.txt');
    await deps.blobs.put('sources/mali.txt', revised, 'text/plain');
    deps.parse = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'text')");
    };
    await expect(handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'))).rejects.toThrow();
    expect(await deps.sheets.getMeta('mali')).toMatchObject({
      latestRevision: 1,
      lastError: expect.objectContaining({ reason: 'ingest-failed', sourceHash: sha256Hex(revised) }),
    });
  });

  it('damaged stored bytes are recorded as corrupt-object, never published', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    deps.blobs.get = async (key) => {
      throw new CorruptObjectError(key, 'ab'.repeat(32), `Stored object ${key} is damaged`);
    };
    const result = await handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'));
    expect(result).toMatchObject({ outcomes: [{ status: 'failed' }], retryable: [] });
    expect((await deps.sheets.listErrors('mali', { limit: 5 })).items).toEqual([
      expect.objectContaining({ reason: 'corrupt-object', sourceHash: 'ab'.repeat(32) }),
    ]);
    expect(await deps.sheets.getMeta('mali')).toBeNull();
  });

  it('a transient failure records nothing: the retry (or the next start) ingests the bytes', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    deps.parse = () => {
      throw new TransientStoreError('DynamoDB throttled');
    };
    await expect(handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'))).rejects.toThrow();
    expect((await deps.sheets.listErrors('mali', { limit: 5 })).items).toEqual([]);
  });
});
