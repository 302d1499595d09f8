/**
 * Review bug 5: the warm function's caches must be bounded by bytes, and junk query parameters must not
 * create response-cache entries (1,000 `?x=<i>` variants of one immutable revision kept 3.6 GB).
 */
import { AsyncCache, LruCache } from '../../../shared/api/cache';
import type { RouteDefinition, RouteDeps } from '../../../shared/api/definition';
import type { ApiRequest } from '../../../shared/api/http';
import { createResponseCache } from '../../../shared/api/response-cache';
import { createRouter } from '../../../shared/api/router';
import { routeDefinitions } from '../../../shared/api/routes';
import { estimateRevisionBytes, SheetReader } from '../../../shared/api/sheet-reader';
import { routes } from '../../../shared/topology';
import { bigSheet } from '../../support/big-sheet';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';
import { sampleSheet } from '../../support/sample-sheet';

function get(path: string, query: Record<string, string> = {}): ApiRequest {
  return {
    method: 'GET',
    path,
    headers: {},
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
  };
}

/** A router over in-memory stores whose getRevision handler is replaced (or wrapped) and counted. */
async function countingRouter(
  handle?: RouteDefinition['handle'],
  extra: { responseCache?: ReturnType<typeof createResponseCache> } = {},
) {
  const sheets = new InMemorySheetRepository();
  await sheets.publishRevision({
    sheet: sampleSheet('testland', 1),
    archiveKey: 'archive/testland/1.txt',
    reason: 'upload',
    diff: null,
    expectedLatest: 0,
  });
  const deps: RouteDeps = {
    sheets,
    blobs: new InMemoryBlobStore(),
    reader: new SheetReader(sheets, { maxAgeSeconds: 5 }),
    maxSourceBytes: 2 * 1024 * 1024,
  };
  const calls = { count: 0 };
  const original = routeDefinitions.getRevision!;
  const getRevision: RouteDefinition = {
    ...original,
    handle: (ctx) => {
      calls.count++;
      return (handle ?? original.handle)(ctx);
    },
  };
  const api = createRouter({
    routes,
    definitions: { ...routeDefinitions, getRevision },
    deps,
    readMaxAgeSeconds: 5,
    latestMaxAgeMs: 5_000,
    ...extra,
  });
  return { api, calls };
}

describe('response cache keys and bounds', () => {
  it('1,000 distinct junk query strings on one revision make no cache entry and no store read', async () => {
    const responseCache = createResponseCache();
    const { api, calls } = await countingRouter(undefined, { responseCache });
    for (let i = 0; i < 1_000; i++) {
      const res = await api(get('/sheets/testland/revisions/1', { [`junk${i}`]: 'y' }));
      expect(res.statusCode).toBe(400);
    }
    // Unknown parameters are refused before the handler runs; the one valid request makes one entry.
    expect(calls.count).toBe(0);
    expect(responseCache.size).toBe(0);
    expect((await api(get('/sheets/testland/revisions/1'))).statusCode).toBe(200);
    expect(calls.count).toBe(1);
    expect(responseCache.size).toBe(1);
    expect(responseCache.bytes).toBeLessThanOrEqual(responseCache.maxBytes);
  });

  it('equivalent spellings of a validated parameter share one entry (rev 01 is rev 1)', async () => {
    const { api, calls } = await countingRouter();
    expect((await api(get('/sheets/testland/revisions/1'))).statusCode).toBe(200);
    expect((await api(get('/sheets/testland/revisions/01'))).statusCode).toBe(200);
    expect(calls.count).toBe(1);
  });

  it('holds at most its byte budget: 200 immutable 600 KB bodies evict the oldest', async () => {
    const responseCache = createResponseCache();
    const body = { pad: 'p'.repeat(600_000) };
    const { api, calls } = await countingRouter(async () => ({ body, cache: 'immutable' }), {
      responseCache,
    });
    for (let rev = 1; rev <= 200; rev++) {
      expect((await api(get(`/sheets/testland/revisions/${rev}`))).statusCode).toBe(200);
      expect(responseCache.bytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    }
    expect(calls.count).toBe(200);
    expect(responseCache.size).toBeLessThan(200);
    // The newest is still served from memory; the oldest was evicted and is produced again.
    await api(get('/sheets/testland/revisions/200'));
    expect(calls.count).toBe(200);
    await api(get('/sheets/testland/revisions/1'));
    expect(calls.count).toBe(201);
  });

  it('the default router (no injected cache) evicts by bytes too', async () => {
    const body = { pad: 'p'.repeat(600_000) };
    const { api, calls } = await countingRouter(async () => ({ body, cache: 'immutable' }));
    for (let rev = 1; rev <= 200; rev++) await api(get(`/sheets/testland/revisions/${rev}`));
    await api(get('/sheets/testland/revisions/1'));
    expect(calls.count).toBe(201);
  });

  it('never keeps a single body over 1 MB', async () => {
    const body = { pad: 'p'.repeat(1_200_000) };
    const { api, calls } = await countingRouter(async () => ({ body, cache: 'immutable' }));
    const first = await api(get('/sheets/testland/revisions/1'));
    const again = await api(get('/sheets/testland/revisions/1'));
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.headers.ETag).toBe(first.headers.ETag);
    expect(calls.count).toBe(2);
  });
});

describe('LruCache byte bound', () => {
  it('1,000 inserts never hold more than maxBytes, and an entry over maxEntryBytes is not kept', () => {
    const lru = new LruCache<string, string>(10_000, {
      maxBytes: 1_000,
      maxEntryBytes: 300,
      sizeOf: (v) => v.length,
    });
    for (let i = 0; i < 1_000; i++) {
      lru.set(`k${i}`, 'v'.repeat(100));
      expect(lru.bytes).toBeLessThanOrEqual(1_000);
    }
    expect(lru.size).toBe(10);
    expect(lru.get('k999')).toBeDefined();
    expect(lru.get('k0')).toBeUndefined();
    lru.set('big', 'v'.repeat(301));
    expect(lru.get('big')).toBeUndefined();
    expect(lru.size).toBe(10);
    // Replacing a key with an oversized value drops the old one rather than serving it.
    lru.set('k999', 'v'.repeat(301));
    expect(lru.get('k999')).toBeUndefined();
    expect(lru.bytes).toBe(900);
  });
});

describe('AsyncCache byte bound', () => {
  it('weighs a value once it resolves and evicts the least recently used past maxBytes', async () => {
    const cache = new AsyncCache<string>(1_000, Number.POSITIVE_INFINITY, Date.now, {
      maxBytes: 250,
      sizeOf: (v) => v.length,
    });
    let loads = 0;
    const load = (n: number) => async () => {
      loads++;
      return String(n).padEnd(100, '.');
    };
    await cache.get('a', load(1));
    await cache.get('b', load(2));
    await cache.get('c', load(3)); // 300 > 250: a goes
    expect(loads).toBe(3);
    await cache.get('c', load(3));
    await cache.get('b', load(2));
    expect(loads).toBe(3);
    await cache.get('a', load(1));
    expect(loads).toBe(4);
  });

  it('does not keep a value over maxEntryBytes, but still coalesces the in-flight load', async () => {
    const cache = new AsyncCache<string>(1_000, Number.POSITIVE_INFINITY, Date.now, {
      maxBytes: 1_000,
      maxEntryBytes: 50,
      sizeOf: (v) => v.length,
    });
    let loads = 0;
    const load = async () => {
      loads++;
      return 'x'.repeat(100);
    };
    await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(loads).toBe(1);
    await cache.get('k', load);
    expect(loads).toBe(2);
  });
});

describe('SheetReader revision cache', () => {
  it('is bounded by the estimated bytes of the revisions, not by their count', async () => {
    const sheets = new InMemorySheetRepository();
    for (let n = 0; n < 12; n++) {
      await sheets.publishRevision({
        sheet: bigSheet(`big-${n}`, { chars: 250_000, figures: 100 }),
        archiveKey: `archive/big-${n}/1.txt`,
        reason: 'upload',
        diff: null,
        expectedLatest: 0,
      });
    }
    let reads = 0;
    const getRevision = sheets.getRevision.bind(sheets);
    sheets.getRevision = (id, rev) => {
      reads++;
      return getRevision(id, rev);
    };
    // Each revision is estimated at ≥ 1 MB (text + its paragraph, 2 bytes a character): 4 MB hold ~3.
    const reader = new SheetReader(sheets, { maxAgeSeconds: 5, revisionCacheBytes: 4 * 1024 * 1024 });
    for (let n = 0; n < 12; n++) await reader.revision(`big-${n}`, 1);
    expect(reads).toBe(12);
    await reader.revision('big-11', 1);
    expect(reads).toBe(12);
    await reader.revision('big-0', 1);
    expect(reads).toBe(13);
  });

  it('estimates a revision at no less than its serialized size', async () => {
    const sheets = new InMemorySheetRepository();
    await sheets.publishRevision({
      sheet: bigSheet('big', { chars: 50_000, figures: 2_000, sentenceChars: 200 }),
      archiveKey: 'archive/big/1.txt',
      reason: 'upload',
      diff: null,
      expectedLatest: 0,
    });
    const stored = (await sheets.getRevision('big', 1))!;
    expect(estimateRevisionBytes(stored)).toBeGreaterThanOrEqual(JSON.stringify(stored).length);
  });
});

describe('the revision cache is bounded by bytes, not by count', () => {
  it('keeps 1,000 small revisions warm (far past the old 200-entry bound)', async () => {
    const sheets = new InMemorySheetRepository();
    let reads = 0;
    const counting = Object.create(sheets) as InMemorySheetRepository;
    counting.getRevision = async (id, rev) => {
      reads++;
      return sheets.getRevision(id, rev);
    };
    for (let n = 0; n < 1_000; n++) {
      await sheets.publishRevision({
        sheet: sampleSheet(`s${n}`, 1),
        archiveKey: `archive/s${n}/1.txt`,
        reason: 'upload',
        diff: null,
        expectedLatest: 0,
      });
    }
    const reader = new SheetReader(counting, { maxAgeSeconds: 0 });
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 1_000; n++) await reader.revision(`s${n}`, 1);
    }
    expect(reads).toBe(1_000);
  });

  it('evicts by bytes: revisions of 1 MB each stay within the budget', async () => {
    const sheets = new InMemorySheetRepository();
    let reads = 0;
    const counting = Object.create(sheets) as InMemorySheetRepository;
    counting.getRevision = async (id, rev) => {
      reads++;
      return sheets.getRevision(id, rev);
    };
    const sheet = bigSheet('big', { chars: 500_000 });
    const bytes = estimateRevisionBytes({ header: {} as never, sheet });
    for (let n = 0; n < 10; n++) {
      await sheets.publishRevision({
        sheet: { ...sheet, id: `b${n}` },
        archiveKey: `archive/b${n}/1.txt`,
        reason: 'upload',
        diff: null,
        expectedLatest: 0,
      });
    }
    // Room for three of them.
    const reader = new SheetReader(counting, { maxAgeSeconds: 0, revisionCacheBytes: 3.5 * bytes });
    for (let n = 0; n < 10; n++) await reader.revision(`b${n}`, 1);
    expect(reads).toBe(10);
    for (let n = 7; n < 10; n++) await reader.revision(`b${n}`, 1);
    expect(reads).toBe(10);
    await reader.revision('b0', 1);
    expect(reads).toBe(11);
  });
});
