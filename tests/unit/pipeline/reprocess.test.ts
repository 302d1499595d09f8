import { NotFoundError } from '../../../shared/errors';
import type { ParseFn } from '../../../shared/pipeline/deps';
import { ingestObject } from '../../../shared/pipeline/ingest';
import { reprocessAll, reprocessSheet } from '../../../shared/pipeline/reprocess';
import { fixture, memoryDeps } from '../../support/pipeline-deps';

const MALI = fixture('sheets/mali.txt');

async function seeded(ids: string[]) {
  const deps = memoryDeps();
  for (const id of ids) {
    await deps.blobs.put(`sources/${id}.txt`, MALI, 'text/plain');
    await ingestObject(deps, { key: `sources/${id}.txt` });
  }
  return deps;
}

/** The same parser reporting a newer version. */
function newerParser(
  deps: ReturnType<typeof memoryDeps>,
  version = '2.0.0',
): { parse: ParseFn; parserVersion: string } {
  return {
    parse: (source, options) => ({ ...deps.parse(source, options), parserVersion: version }),
    parserVersion: version,
  };
}

describe('reprocessSheet', () => {
  it('does nothing when the stored parser version is current', async () => {
    const deps = await seeded(['mali']);
    expect(await reprocessSheet(deps, 'mali')).toEqual({ status: 'unchanged', id: 'mali', revision: 1 });
  });

  it('re-parses the ARCHIVED source when the parser version differs, even if sources/ changed', async () => {
    const deps = await seeded(['mali']);
    // The live upload is replaced by garbage; reprocess must not read it.
    await deps.blobs.put('sources/mali.txt', new Uint8Array([0, 1, 2]), 'text/plain');
    const next = { ...deps, ...newerParser(deps) };
    expect(await reprocessSheet(next, 'mali')).toEqual({ status: 'published', id: 'mali', revision: 2 });
    const header = await deps.sheets.getRevisionHeader('mali', 2);
    expect(header).toMatchObject({ reason: 'reprocess', parserVersion: '2.0.0' });
    expect(header?.diff?.figures).toEqual({ added: [], removed: [], changed: [] });
    expect((await deps.sheets.getMeta('mali'))?.parserVersion).toBe('2.0.0');
  });

  it('publishes with force even when the version is current', async () => {
    const deps = await seeded(['mali']);
    expect(await reprocessSheet(deps, 'mali', { force: true })).toMatchObject({
      status: 'published',
      revision: 2,
    });
  });

  it('throws NotFoundError for an unknown sheet', async () => {
    const deps = memoryDeps();
    await expect(reprocessSheet(deps, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('reprocessAll', () => {
  it('reprocesses every sheet with bounded concurrency and reports progress', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const deps = await seeded(ids);
    let running = 0;
    let peak = 0;
    const next = { ...deps, ...newerParser(deps) };
    const realPublish = deps.sheets.publishRevision.bind(deps.sheets);
    deps.sheets.publishRevision = async (input) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return realPublish(input);
    };
    const progress: string[] = [];
    const summary = await reprocessAll(next, { concurrency: 2, onProgress: (p) => progress.push(p.id) });
    expect(summary).toEqual({ total: 5, published: 5, unchanged: 0, rejected: 0, failed: [] });
    expect(progress.sort()).toEqual(ids);
    expect(peak).toBe(2);
    for (const id of ids) expect((await deps.sheets.getMeta(id))?.latestRevision).toBe(2);
  });

  it('keeps going when one sheet fails', async () => {
    const deps = await seeded(['a', 'b']);
    const next = { ...deps, ...newerParser(deps) };
    await deps.blobs.objects.delete(
      [...deps.blobs.objects.keys()].find((k) => k.startsWith('archive/a/')) ?? '',
    );
    const summary = await reprocessAll(next, { concurrency: 4 });
    expect(summary.published).toBe(1);
    expect(summary.failed).toEqual([{ id: 'a', error: expect.stringContaining('missing') }]);
  });
});
