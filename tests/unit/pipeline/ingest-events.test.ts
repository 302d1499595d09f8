/**
 * The ingest function's dispatch: S3 events as before, reprocess invocations answered with a result or a
 * refusal (never thrown), and retryable failures thrown so Lambda reports a FunctionError.
 */
import { InvalidSourceError, TransientStoreError } from '../../../shared/errors';
import { ingestObject } from '../../../shared/pipeline/ingest';
import { handleIngestEvent } from '../../../shared/pipeline/ingest-events';
import { fixture, memoryDeps, type TestDeps } from '../../support/pipeline-deps';
import { putEvent } from '../../support/s3-events';

const BUCKET = 'bucket';

async function seeded(id = 'mali'): Promise<TestDeps> {
  const deps = memoryDeps();
  await deps.blobs.put(`sources/${id}.txt`, fixture('sheets/mali.txt'), 'text/plain');
  expect(await ingestObject(deps, { key: `sources/${id}.txt` })).toMatchObject({ status: 'published' });
  return deps;
}

describe('handleIngestEvent: reprocess invocations', () => {
  it('current parser → unchanged; force → a new revision with reason reprocess', async () => {
    const deps = await seeded();
    expect(await handleIngestEvent(deps, BUCKET, { type: 'reprocess', id: 'mali' })).toEqual({
      ok: true,
      status: 'unchanged',
      revision: 1,
    });
    expect(await handleIngestEvent(deps, BUCKET, { type: 'reprocess', id: 'mali', force: true })).toEqual({
      ok: true,
      status: 'published',
      revision: 2,
    });
    const revisions = await deps.sheets.listRevisions('mali', { limit: 5 });
    expect(revisions.items[0]).toMatchObject({ revision: 2, reason: 'reprocess' });
  });

  it('unknown sheet → not-found refusal', async () => {
    const result = await handleIngestEvent(memoryDeps(), BUCKET, { type: 'reprocess', id: 'nope' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('missing archive → conflict refusal naming the key; the revision stays', async () => {
    const deps = await seeded();
    const header = (await deps.sheets.getRevision('mali', 1))?.header;
    expect(deps.blobs.objects.delete(header?.archiveKey ?? '')).toBe(true);
    const result = await handleIngestEvent(deps, BUCKET, { type: 'reprocess', id: 'mali', force: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(result)).toContain(header?.archiveKey);
    expect((await deps.sheets.getMeta('mali'))?.latestRevision).toBe(1);
  });

  it('an archive the parser refuses → invalid-source refusal with its reason', async () => {
    const deps = await seeded();
    deps.parse = () => {
      throw new InvalidSourceError('no-content', 'No fact-sheet content');
    };
    const result = await handleIngestEvent(deps, BUCKET, { type: 'reprocess', id: 'mali', force: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-source', reason: 'no-content' } });
    expect((await deps.sheets.getMeta('mali'))?.latestRevision).toBe(1);
  });

  it('an archive overwritten with other bytes → archive-mismatch refusal, recorded, never published', async () => {
    const deps = await seeded();
    const header = (await deps.sheets.getRevision('mali', 1))?.header;
    const forged = new TextEncoder().encode('U.S. Relations With Mali\n\nThe attacker says $9 billion.');
    await deps.blobs.put(header?.archiveKey ?? '', forged, 'text/plain');
    const result = await handleIngestEvent(deps, BUCKET, { type: 'reprocess', id: 'mali', force: true });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-source', reason: 'archive-mismatch' },
    });
    expect(JSON.stringify(result)).toContain(header?.sourceHash);
    expect(await deps.sheets.getMeta('mali')).toMatchObject({
      latestRevision: 1,
      sourceHash: header?.sourceHash,
      lastError: expect.objectContaining({ reason: 'archive-mismatch', key: header?.archiveKey }),
    });
  });

  it.each([
    [{ type: 'reprocess' }, 'id'],
    [{ type: 'reprocess', id: 'Bad_Id' }, 'id'],
    [{ type: 'reprocess', id: 'mali', force: 'yes' }, 'force'],
    [{ type: 'reprocess', id: 'mali', extra: 1 }, 'extra'],
    [{ type: 'rebuild', id: 'mali' }, 'type'],
  ])('payload %o → validation refusal naming %s, nothing read', async (event, field) => {
    const deps = memoryDeps();
    const getMeta = jest.spyOn(deps.sheets, 'getMeta');
    const result = await handleIngestEvent(deps, BUCKET, event);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(result)).toContain(field);
    expect(getMeta).not.toHaveBeenCalled();
  });

  it('a retryable store failure is thrown (Lambda reports a FunctionError), not returned', async () => {
    const deps = memoryDeps();
    deps.sheets.getMeta = async () => {
      throw new TransientStoreError('throttled');
    };
    await expect(handleIngestEvent(deps, BUCKET, { type: 'reprocess', id: 'mali' })).rejects.toBeInstanceOf(
      TransientStoreError,
    );
  });
});

describe('handleIngestEvent: preview invocations', () => {
  it('answers the preview and leaves the store as it was: no revision, error record, upload or blob', async () => {
    const deps = await seeded();
    const blobsBefore = await deps.blobs.list('');
    const revised = fixture('sheets/mali-revised.txt').toString('base64');
    const event = { type: 'preview', id: 'mali', contentType: 'text/plain', body: revised };
    expect(await handleIngestEvent(deps, BUCKET, event)).toMatchObject({
      ok: true,
      preview: { id: 'mali', latestRevision: 1, unchanged: false, diff: { from: 1, to: 2 } },
    });
    const bad = {
      ...event,
      body: Buffer.from('<nav>Home</nav>').toString('base64'),
      contentType: 'text/html',
    };
    expect(await handleIngestEvent(deps, BUCKET, bad)).toMatchObject({
      ok: false,
      error: { code: 'invalid-source', reason: 'no-content' },
    });
    expect((await deps.sheets.getMeta('mali'))?.latestRevision).toBe(1);
    expect((await deps.sheets.getMeta('mali'))?.lastError).toBeUndefined();
    expect((await deps.sheets.listErrors('mali', { limit: 5 })).items).toEqual([]);
    expect(await deps.blobs.list('')).toEqual(blobsBefore);
  });

  it('an unknown type names every direct invocation ingest takes', async () => {
    const result = await handleIngestEvent(memoryDeps(), BUCKET, { type: 'publish', id: 'mali' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringContaining('"reprocess", "reprocess-stale" or "preview"'),
      },
    });
  });
});

describe('handleIngestEvent: S3 events', () => {
  it('ingests the records of an S3 event', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    const result = await handleIngestEvent(deps, BUCKET, putEvent(BUCKET, 'sources/mali.txt'));
    expect(result).toMatchObject({ outcomes: [{ status: 'published', revision: 1 }], retryable: [] });
  });

  it("ignores S3's test event and events without records", async () => {
    for (const event of [{ Event: 's3:TestEvent' }, {}, null]) {
      expect(await handleIngestEvent(memoryDeps(), BUCKET, event)).toEqual({ outcomes: [], retryable: [] });
    }
  });
});
