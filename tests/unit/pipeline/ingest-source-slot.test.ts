/**
 * `sources/{id}.txt` and `sources/{id}.html` are one slot: ingest publishes an object only when the other
 * extension's object is not newer (S3 LastModified, whole seconds). On a tie the bytes already published
 * stay; when neither is published the event proceeds.
 */
import { ingestObject, sha256Hex } from '../../../shared/pipeline/ingest';
import { fixture, memoryDeps } from '../../support/pipeline-deps';

const TXT = fixture('sheets/mali.txt');
const HTML = fixture('sheets/mali.html');
const REVISED = fixture('sheets/mali-revised.txt');

type Deps = ReturnType<typeof memoryDeps>;

/** Writes an object with an explicit LastModified (the in-memory store otherwise stamps "now"). */
function write(deps: Deps, key: string, bytes: Uint8Array, at: string) {
  const contentType = key.endsWith('.html') ? 'text/html' : 'text/plain';
  deps.blobs.objects.set(key, { bytes, contentType, lastModified: new Date(at) });
}

describe('ingestObject with two source keys for one sheet', () => {
  it('ignores an event whose sibling object is newer, and logs it', async () => {
    const deps = memoryDeps();
    write(deps, 'sources/mali.txt', TXT, '2026-11-27T10:00:00Z');
    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toMatchObject({ revision: 1 });
    write(deps, 'sources/mali.html', HTML, '2026-11-27T10:05:00Z');
    expect(await ingestObject(deps, { key: 'sources/mali.html' })).toMatchObject({ revision: 2 });

    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toEqual({
      status: 'ignored',
      reason: 'superseded',
    });
    expect(await deps.sheets.getMeta('mali')).toMatchObject({
      latestRevision: 2,
      sourceHash: sha256Hex(HTML),
    });
    expect(
      deps.logger.lines.find((l) => l.message === 'source superseded by a newer object')?.fields,
    ).toEqual(
      expect.objectContaining({ key: 'sources/mali.txt', sheetId: 'mali', newerKey: 'sources/mali.html' }),
    );
  });

  it('does not record a rejection for a superseded object with bad bytes', async () => {
    const deps = memoryDeps();
    write(deps, 'sources/mali.html', HTML, '2026-11-27T10:05:00Z');
    expect(await ingestObject(deps, { key: 'sources/mali.html' })).toMatchObject({ revision: 1 });
    write(deps, 'sources/mali.txt', new Uint8Array(), '2026-11-27T10:00:00Z');
    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toEqual({
      status: 'ignored',
      reason: 'superseded',
    });
    expect((await deps.sheets.listErrors('mali', { limit: 10 })).items).toEqual([]);
  });

  it('compares whole seconds: the same second is a tie, and the published bytes stay', async () => {
    const deps = memoryDeps();
    write(deps, 'sources/mali.txt', TXT, '2026-11-27T10:00:00.100Z');
    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toMatchObject({ revision: 1 });
    // Written later within the same second: S3 would report the same LastModified for both.
    write(deps, 'sources/mali.html', HTML, '2026-11-27T10:00:00.900Z');
    expect(await ingestObject(deps, { key: 'sources/mali.html' })).toEqual({
      status: 'ignored',
      reason: 'superseded',
    });
    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toMatchObject({ status: 'unchanged' });
    expect((await deps.sheets.getMeta('mali'))?.latestRevision).toBe(1);
  });

  it('on a tie where neither object is published, the event proceeds; the other then stays out', async () => {
    const deps = memoryDeps();
    write(deps, 'sources/mali.txt', TXT, '2026-11-27T10:00:00Z');
    write(deps, 'sources/mali.html', HTML, '2026-11-27T10:00:00Z');
    expect(await ingestObject(deps, { key: 'sources/mali.html' })).toMatchObject({ revision: 1 });
    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toEqual({
      status: 'ignored',
      reason: 'superseded',
    });
    expect(await deps.sheets.getMeta('mali')).toMatchObject({
      latestRevision: 1,
      sourceHash: sha256Hex(HTML),
    });
  });

  it('an older sibling does not stand in the way of a newer upload', async () => {
    const deps = memoryDeps();
    write(deps, 'sources/mali.html', HTML, '2026-11-27T10:00:00Z');
    expect(await ingestObject(deps, { key: 'sources/mali.html' })).toMatchObject({ revision: 1 });
    write(deps, 'sources/mali.txt', REVISED, '2026-11-27T10:00:01Z');
    expect(await ingestObject(deps, { key: 'sources/mali.txt' })).toMatchObject({
      status: 'published',
      revision: 2,
    });
  });
});
