import { RevisionConflictError, TransientStoreError } from '../../../shared/errors';
import { ingestObject, sha256Hex } from '../../../shared/pipeline/ingest';
import type { PublishInput } from '../../../shared/store/ports';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';
import { BAD_INPUTS, fixture, memoryDeps } from '../../support/pipeline-deps';

const MALI = fixture('sheets/mali.txt');
const REVISED = fixture('sheets/mali-revised.txt');

async function upload(deps: ReturnType<typeof memoryDeps>, key: string, bytes: Uint8Array) {
  await deps.blobs.put(key, bytes, 'text/plain');
  return ingestObject(deps, { key });
}

describe('ingestObject', () => {
  it('publishes revision 1, archives the source and counts it', async () => {
    const deps = memoryDeps();
    const outcome = await upload(deps, 'sources/mali.txt', MALI);
    expect(outcome).toMatchObject({ status: 'published', id: 'mali', revision: 1, diff: null });
    const meta = await deps.sheets.getMeta('mali');
    expect(meta).toMatchObject({ latestRevision: 1, sourceHash: sha256Hex(MALI), country: 'Mali' });
    const archiveKey = `archive/mali/${sha256Hex(MALI)}.txt`;
    expect((await deps.blobs.get(archiveKey))?.bytes).toEqual(new Uint8Array(MALI));
    expect((await deps.sheets.getRevisionHeader('mali', 1))?.archiveKey).toBe(archiveKey);
    expect(deps.metrics.counts).toMatchObject({ SheetsIngested: 1, RevisionsPublished: 1 });
    expect(deps.metrics.timings.ParseMs).toHaveLength(1);
    const logged = deps.logger.lines.find((l) => l.message === 'revision published');
    expect(logged?.fields).toMatchObject({ key: 'sources/mali.txt', sheetId: 'mali', revision: 1 });
  });

  it('does nothing for identical bytes with the same parser version', async () => {
    const deps = memoryDeps();
    await upload(deps, 'sources/mali.txt', MALI);
    const outcome = await upload(deps, 'sources/mali.txt', MALI);
    expect(outcome).toEqual({ status: 'unchanged', id: 'mali', revision: 1 });
    expect(deps.metrics.counts.RevisionsPublished).toBe(1);
    expect(deps.metrics.timings.ParseMs).toHaveLength(1);
  });

  it('publishes revision 2 with a diff against 1 for revised bytes', async () => {
    const deps = memoryDeps();
    await upload(deps, 'sources/mali.txt', MALI);
    const outcome = await upload(deps, 'sources/mali.txt', REVISED);
    expect(outcome.status).toBe('published');
    if (outcome.status !== 'published') return;
    expect(outcome.revision).toBe(2);
    expect(outcome.diff?.figures.changed.map((c) => c.after.text)).toEqual([
      '$152 million',
      '58 percent',
      'six percent',
    ]);
    expect((await deps.sheets.getRevisionHeader('mali', 2))?.diff).toEqual(outcome.diff);
  });

  it('republishes identical bytes when the parser version changed', async () => {
    const deps = memoryDeps();
    await upload(deps, 'sources/mali.txt', MALI);
    const newer = {
      ...deps,
      parserVersion: '99.0.0',
      parse: (s: string | Uint8Array, o?: object) => ({ ...deps.parse(s, o), parserVersion: '99.0.0' }),
    };
    const outcome = await ingestObject(newer, { key: 'sources/mali.txt' });
    expect(outcome).toMatchObject({ status: 'published', revision: 2 });
    expect((await deps.sheets.getMeta('mali'))?.parserVersion).toBe('99.0.0');
  });

  it.each(BAD_INPUTS)(
    'rejects $label with an error record; revision 1 stays latest',
    async ({ bytes, ext, reason }) => {
      const deps = memoryDeps();
      await upload(deps, `sources/mali.${ext}`, MALI);
      const outcome = await upload(deps, `sources/mali.${ext}`, bytes);
      expect(outcome).toMatchObject({ status: 'rejected', id: 'mali', reason });
      const meta = await deps.sheets.getMeta('mali');
      expect(meta?.latestRevision).toBe(1);
      expect(meta?.sourceHash).toBe(sha256Hex(MALI));
      expect(meta?.lastError).toMatchObject({ key: `sources/mali.${ext}`, reason });
      expect((await deps.sheets.listErrors('mali', { limit: 10 })).items).toHaveLength(1);
      expect(deps.metrics.counts.IngestRejected).toBe(1);
      expect(deps.logger.lines.some((l) => l.level === 'warn' && l.fields.sheetId === 'mali')).toBe(true);
      expect(await deps.blobs.list('archive/')).toEqual([`archive/mali/${sha256Hex(MALI)}.${ext}`]);
    },
  );

  it('rejects a source over the size limit before parsing it', async () => {
    const deps = memoryDeps({ maxSourceBytes: 1000 });
    const outcome = await upload(deps, 'sources/mali.txt', MALI);
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'too-large' });
    expect(deps.metrics.timings.ParseMs).toBeUndefined();
    expect(await deps.sheets.getMeta('mali')).toBeNull();
  });

  it('records a bad key under a sanitized id that has no META', async () => {
    const deps = memoryDeps();
    const outcome = await upload(deps, 'sources/côte d.txt', MALI);
    expect(outcome).toMatchObject({ status: 'rejected', id: 'cote-d', reason: 'bad-id' });
    expect(await deps.sheets.getMeta('cote-d')).toBeNull();
    const errors = await deps.sheets.listErrors('cote-d', { limit: 5 });
    expect(errors.items[0]).toMatchObject({ key: 'sources/côte d.txt', reason: 'bad-id' });
  });

  it('ignores keys outside sources/ and objects deleted since the event', async () => {
    const deps = memoryDeps();
    expect(await ingestObject(deps, { key: 'archive/mali/x.txt' })).toEqual({
      status: 'ignored',
      reason: 'outside-sources',
    });
    expect(await ingestObject(deps, { key: 'sources/gone.txt' })).toEqual({
      status: 'ignored',
      reason: 'missing-object',
    });
    expect((await deps.sheets.listSheets({ limit: 10 })).items).toEqual([]);
  });

  it('re-reads META and the bytes after a lost race, publishing on top of the winner', async () => {
    // Another writer publishes the revised bytes just before our first flip.
    class RacedRepository extends InMemorySheetRepository {
      raced = false;
      protected override async beforeFlip(id: string): Promise<void> {
        if (this.raced) return;
        this.raced = true;
        const winner = memoryDeps({ sheets: this, blobs: deps.blobs });
        await deps.blobs.put('sources/mali.txt', REVISED, 'text/plain');
        expect(await ingestObject(winner, { key: `sources/${id}.txt` })).toMatchObject({ revision: 1 });
      }
    }
    const deps = memoryDeps({ sheets: new RacedRepository() });
    const outcome = await upload(deps, 'sources/mali.txt', MALI).catch((e) => e);
    // Our bytes were overwritten by the racing upload, so after re-reading there is nothing left to do.
    expect(outcome).toEqual({ status: 'unchanged', id: 'mali', revision: 1 });
    expect((await deps.sheets.getMeta('mali'))?.sourceHash).toBe(sha256Hex(REVISED));
  });

  it('gives up with a retryable RevisionConflictError after bounded lost races', async () => {
    const sheets = new InMemorySheetRepository();
    sheets.publishRevision = async (_input: PublishInput) => {
      throw new RevisionConflictError('always lost');
    };
    const deps = memoryDeps({ sheets, maxPublishAttempts: 3 });
    const err = await upload(deps, 'sources/mali.txt', MALI).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevisionConflictError);
    expect((err as RevisionConflictError).retryable).toBe(true);
  });

  it('publishes nothing when archiving the source fails', async () => {
    const deps = memoryDeps();
    deps.blobs.putIfAbsent = async () => {
      throw new TransientStoreError('S3 unavailable');
    };
    await expect(upload(deps, 'sources/mali.txt', MALI)).rejects.toBeInstanceOf(TransientStoreError);
    expect(await deps.sheets.getMeta('mali')).toBeNull();
  });

  it('propagates transient store failures', async () => {
    const sheets = new InMemorySheetRepository();
    sheets.getMeta = async () => {
      throw new TransientStoreError('throttled');
    };
    const deps = memoryDeps({ sheets });
    await expect(upload(deps, 'sources/mali.txt', MALI)).rejects.toBeInstanceOf(TransientStoreError);
  });
});
