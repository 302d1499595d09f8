/**
 * Who hears of a rejected upload first: the upload resource (what the uploading client polls) is decided
 * before subscribers get sheet.upload.rejected, for refused input and for a failure a retry would repeat.
 */
import type { EventPublisher } from '../../../shared/events/publisher';
import type { AnyEvent } from '../../../shared/events/types';
import { sha256Hex } from '../../../shared/pipeline/ingest';
import { handleIngestEvent } from '../../../shared/pipeline/ingest-events';
import { InMemoryUploadRepository } from '../../support/fakes/memory-uploads';
import { fixture, memoryDeps } from '../../support/pipeline-deps';
import { putEvent } from '../../support/s3-events';

const BUCKET = 'bucket';

async function pendingUpload(bytes: Uint8Array, key: string) {
  const uploads = new InMemoryUploadRepository();
  const seen: { type: string; uploadStatus: string | undefined }[] = [];
  const events: EventPublisher = {
    publish: async (published: readonly AnyEvent[]) => {
      const record = await uploads.get('sheet', sha256Hex(bytes));
      for (const event of published) seen.push({ type: event.type, uploadStatus: record?.status });
    },
  };
  const deps = memoryDeps({ uploads, events });
  await uploads.recordPending({
    sheetId: 'sheet',
    uploadId: sha256Hex(bytes),
    key,
    bytes: bytes.length,
    uploadedAt: new Date().toISOString(),
  });
  await deps.blobs.put(key, bytes, 'text/plain');
  return { deps, seen };
}

describe('announcing a rejected upload', () => {
  it('refused input: the upload resource says rejected before the event is emitted', async () => {
    const bytes = Buffer.from(' \n\t\n ');
    const { deps, seen } = await pendingUpload(bytes, 'sources/sheet.txt');

    await handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/sheet.txt'));

    expect(seen).toEqual([{ type: 'sheet.upload.rejected', uploadStatus: 'rejected' }]);
    expect((await deps.sheets.listErrors('sheet', { limit: 1 })).items[0]).toMatchObject({ reason: 'empty' });
  });

  it('a failure a retry would repeat: the upload resource says rejected before the event is emitted', async () => {
    const bytes = fixture('sheets/mali.txt');
    const { deps, seen } = await pendingUpload(bytes, 'sources/sheet.txt');
    deps.parse = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };

    await expect(handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/sheet.txt'))).rejects.toThrow();

    expect(seen).toEqual([{ type: 'sheet.upload.rejected', uploadStatus: 'rejected' }]);
    expect((await deps.sheets.listErrors('sheet', { limit: 1 })).items[0]).toMatchObject({
      reason: 'ingest-failed',
    });
  });
});
