/**
 * The META reads of concurrent requests are one batch read (what keeps random reads over thousands of
 * sheets from paying one store call per sheet per max-age); a single read stays a GetItem, a failure fails
 * every load of its batch and is not cached, and a fresh read still sees a revision published just before.
 */
import { LAZY_FLUSH_MS, MetaBatcher } from '../../../shared/api/meta-batcher';
import { SheetReader } from '../../../shared/api/sheet-reader';
import type { SheetMeta } from '../../../shared/store/ports';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';
import { sampleSheet } from '../../support/sample-sheet';

/** The in-memory store with a batch read, counting both kinds of call. */
class BatchingSheets extends InMemorySheetRepository {
  single = 0;
  batches: string[][] = [];
  failNext = false;

  override async getMeta(id: string): Promise<SheetMeta | null> {
    this.single++;
    return super.getMeta(id);
  }

  async getMetas(ids: readonly string[]): Promise<Map<string, SheetMeta | null>> {
    this.batches.push([...ids]);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('throttled');
    }
    return new Map(await Promise.all(ids.map(async (id) => [id, await super.getMeta(id)] as const)));
  }
}

async function publish(sheets: InMemorySheetRepository, id: string, version: 1 | 2 = 1) {
  await sheets.publishRevision({
    sheet: sampleSheet(id, version),
    archiveKey: `archive/${id}/${version}.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest: version - 1,
  });
}

describe('MetaBatcher', () => {
  it('reads the META of loads asked for together in one batch, and one load alone with getMeta', async () => {
    const sheets = new BatchingSheets();
    for (const id of ['a', 'b', 'c']) await publish(sheets, id);
    const batcher = new MetaBatcher(sheets);
    const metas = await Promise.all(['a', 'b', 'c', 'a', 'missing'].map((id) => batcher.load(id)));
    expect(metas.map((m) => m?.id ?? null)).toEqual(['a', 'b', 'c', 'a', null]);
    expect(sheets.batches).toEqual([['a', 'b', 'c', 'missing']]);
    expect(sheets.single).toBe(0);
    expect((await batcher.load('b'))?.latestRevision).toBe(1);
    expect(sheets.single).toBe(1);
    expect(sheets.batches).toHaveLength(1);
  });

  it('fails every load of a failed batch, and the next loads read again', async () => {
    const sheets = new BatchingSheets();
    for (const id of ['a', 'b']) await publish(sheets, id);
    const reader = new SheetReader(sheets, { maxAgeSeconds: 60 });
    sheets.failNext = true;
    const failed = await Promise.allSettled([reader.meta('a'), reader.meta('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const again = await Promise.all([reader.meta('a'), reader.meta('b')]);
    expect(again.map((m) => m.id)).toEqual(['a', 'b']);
    expect(sheets.batches).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('a fresh read batched with others still sees the revision published just before it', async () => {
    const sheets = new BatchingSheets();
    for (const id of ['a', 'b']) await publish(sheets, id);
    const reader = new SheetReader(sheets, { maxAgeSeconds: 3600 });
    await Promise.all([reader.meta('a'), reader.meta('b')]);
    await publish(sheets, 'a', 2);
    expect((await reader.meta('a')).latestRevision).toBe(1);
    const [fresh, other] = await Promise.all([
      reader.forRequest({ fresh: true }).meta('a'),
      reader.forRequest({ fresh: true }).meta('b'),
    ]);
    expect([fresh.latestRevision, other.latestRevision]).toEqual([2, 1]);
    expect(sheets.batches.at(-1)).toEqual(['a', 'b']);
  });

  describe('lazy loads (refreshes nobody waits for)', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
    afterEach(() => jest.useRealTimers());

    it(`wait up to ${LAZY_FLUSH_MS} ms for others and share one batch with them`, async () => {
      const sheets = new BatchingSheets();
      for (const id of ['a', 'b']) await publish(sheets, id);
      const batcher = new MetaBatcher(sheets);
      const a = batcher.load('a', { lazy: true });
      await jest.advanceTimersByTimeAsync(LAZY_FLUSH_MS - 5);
      const b = batcher.load('b', { lazy: true });
      await new Promise((done) => setImmediate(done));
      expect(sheets.batches).toEqual([]);
      await jest.advanceTimersByTimeAsync(5);
      expect((await Promise.all([a, b])).map((m) => m?.id)).toEqual(['a', 'b']);
      expect(sheets.batches).toEqual([['a', 'b']]);
    });

    it('go at once with an eager load, and once 100 have gathered', async () => {
      const sheets = new BatchingSheets();
      const ids = Array.from({ length: 100 }, (_, i) => `s${i}`);
      for (const id of ['a', 'b', ...ids]) await publish(sheets, id);
      const batcher = new MetaBatcher(sheets);
      const lazy = batcher.load('a', { lazy: true });
      const eager = batcher.load('b');
      expect((await Promise.all([lazy, eager])).map((m) => m?.id)).toEqual(['a', 'b']);
      expect(sheets.batches).toEqual([['a', 'b']]);
      const many = await Promise.all(ids.map((id) => batcher.load(id, { lazy: true })));
      expect(many.map((m) => m?.id)).toEqual(ids);
      expect(sheets.batches.slice(1)).toEqual([ids]);
    });
  });

  it('a store without a batch read gets one getMeta per load', async () => {
    const sheets = new InMemorySheetRepository();
    await publish(sheets, 'a');
    const batcher = new MetaBatcher(sheets);
    expect((await Promise.all([batcher.load('a'), batcher.load('x')])).map((m) => m?.id ?? null)).toEqual([
      'a',
      null,
    ]);
  });
});
