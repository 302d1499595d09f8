import { inMemoryApi } from '../../support/api-harness';
import { sampleSheet } from '../../support/sample-sheet';

/** Publishes straight into the store, as ingest (another process) does: nothing in the api is told. */
async function publish(sheets: ReturnType<typeof inMemoryApi>['sheets'], id: string, version: 1 | 2) {
  await sheets.publishRevision({
    sheet: sampleSheet(id, version),
    archiveKey: `archive/${id}/${version}.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest: version - 1,
  });
}

describe('read-after-write', () => {
  it('a 404 for a sheet not published yet is not reused: the next GET sees the first revision', async () => {
    const { call, sheets } = inMemoryApi({ readMaxAgeSeconds: 3600 });
    expect((await call('GET', '/sheets/fresh')).statusCode).toBe(404);
    expect((await call('GET', '/sheets/fresh/figures')).statusCode).toBe(404);
    await publish(sheets, 'fresh', 1);
    expect((await call('GET', '/sheets/fresh')).json).toMatchObject({ latestRevision: 1 });
    expect((await call('GET', '/sheets/fresh/figures')).json).toMatchObject({ revision: 1 });
  });

  it('the latest pointer is reused within max-age, but Cache-Control: no-cache reads it fresh', async () => {
    const { call, sheets } = inMemoryApi({ readMaxAgeSeconds: 3600 });
    await publish(sheets, 'mali', 1);
    expect((await call('GET', '/sheets/mali')).json).toMatchObject({ latestRevision: 1 });
    await publish(sheets, 'mali', 2);
    // Within the hour of max-age the process may serve what it read (the documented staleness)…
    expect((await call('GET', '/sheets/mali')).json).toMatchObject({ latestRevision: 1 });
    // …unless the client asks for a fresh read, on every latest-pointer route.
    const fresh = { headers: { 'Cache-Control': 'no-cache' } };
    expect((await call('GET', '/sheets/mali', fresh)).json).toMatchObject({ latestRevision: 2 });
    expect((await call('GET', '/sheets/mali/sections', fresh)).json).toMatchObject({ revision: 2 });
    expect((await call('GET', '/sheets/mali/figures', fresh)).json).toMatchObject({ revision: 2 });
    // The fresh read replaced what the process keeps: later plain reads see revision 2 as well.
    expect((await call('GET', '/sheets/mali/sections')).json).toMatchObject({ revision: 2 });
  });

  it('a revision asked for by number is served as soon as it exists, even while the pointer is reused', async () => {
    const { call, sheets } = inMemoryApi({ readMaxAgeSeconds: 3600 });
    await publish(sheets, 'mali', 1);
    expect((await call('GET', '/sheets/mali/revisions/2')).statusCode).toBe(404);
    await publish(sheets, 'mali', 2);
    expect((await call('GET', '/sheets/mali/revisions/2')).statusCode).toBe(200);
  });

  it('Pragma: no-cache counts too, and preflights allow the Cache-Control header', async () => {
    const { call, sheets } = inMemoryApi({ readMaxAgeSeconds: 3600 });
    await publish(sheets, 'mali', 1);
    await call('GET', '/sheets/mali');
    await publish(sheets, 'mali', 2);
    const res = await call('GET', '/sheets/mali', { headers: { Pragma: 'no-cache' } });
    expect(res.json).toMatchObject({ latestRevision: 2 });
    const preflight = await call('OPTIONS', '/sheets/mali');
    expect(preflight.headers['Access-Control-Allow-Headers']).toContain('Cache-Control');
  });
});
