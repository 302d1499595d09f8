import { inMemoryApi } from '../../support/api-harness';
import { sampleSheet } from '../../support/sample-sheet';

async function seeded() {
  const harness = inMemoryApi();
  const { sheets } = harness;
  await sheets.publishRevision({
    sheet: sampleSheet('testland', 1),
    archiveKey: 'archive/testland/1.txt',
    reason: 'upload',
    diff: null,
    expectedLatest: 0,
  });
  const ref = (value: number) => ({
    id: 'f1',
    kind: 'money' as const,
    value,
    unit: 'USD',
    text: `$${value / 1e6} million`,
    sectionId: 'assistance',
  });
  await sheets.publishRevision({
    sheet: sampleSheet('testland', 2),
    archiveKey: 'archive/testland/2.txt',
    reason: 'upload',
    diff: {
      from: 1,
      to: 2,
      figures: { added: [], removed: [], changed: [{ before: ref(148e6), after: ref(150e6) }] },
      sections: { added: [], removed: [], changed: ['assistance'] },
    },
    expectedLatest: 1,
  });
  return harness;
}

describe('API router over in-memory stores', () => {
  it('GET /sheets/{id}: META + sections, ETag, short Cache-Control, CORS, body matches the document', async () => {
    const { call, conforms } = await seeded();
    const res = await call('GET', '/sheets/testland');
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({
      id: 'testland',
      latestRevision: 2,
      counts: { sections: 2, figures: 2 },
    });
    expect((res.json as { sections: { id: string; figureCount: number }[] }).sections).toEqual([
      expect.objectContaining({ id: 'lead', figureCount: 0 }),
      expect.objectContaining({ id: 'assistance', figureCount: 2 }),
    ]);
    expect(res.headers.ETag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['Cache-Control']).toBe('public, max-age=5');
    expect(res.headers['Access-Control-Allow-Origin']).toBe('*');
    expect(await conforms('/sheets/{id}', 'GET', res)).toEqual([]);
  });

  it('answers 304 with no body when If-None-Match carries the current ETag', async () => {
    const { call } = await seeded();
    const first = await call('GET', '/sheets/testland/figures?kind=money');
    const again = await call('GET', '/sheets/testland/figures?kind=money', {
      headers: { 'If-None-Match': `W/"x", ${first.headers.ETag}` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.ETag).toBe(first.headers.ETag);
    const stale = await call('GET', '/sheets/testland/figures?kind=money', {
      headers: { 'If-None-Match': '"other"' },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('serves revision-addressed reads as immutable and latest reads from the newest revision', async () => {
    const { call, conforms } = await seeded();
    const rev1 = await call('GET', '/sheets/testland/revisions/1');
    expect(rev1.statusCode).toBe(200);
    expect(rev1.headers['Cache-Control']).toContain('immutable');
    expect((rev1.json as { sheet: { figures: { value: number }[] } }).sheet.figures[0]?.value).toBe(
      148_000_000,
    );
    expect(await conforms('/sheets/{id}/revisions/{rev}', 'GET', rev1)).toEqual([]);

    const figures = await call('GET', '/sheets/testland/figures?kind=money');
    expect(figures.json).toMatchObject({ revision: 2, items: [{ id: 'f1', value: 150_000_000 }] });
    expect(await conforms('/sheets/{id}/figures', 'GET', figures)).toEqual([]);

    const bySection = await call('GET', '/sheets/testland/figures?sectionId=lead');
    expect((bySection.json as { items: unknown[] }).items).toEqual([]);
  });

  it('lists sections, one section with blocks, revisions, the default diff and cross-sheet figures', async () => {
    const { call, conforms } = await seeded();
    const cases: [string, string][] = [
      ['/sheets/testland/sections', '/sheets/{id}/sections'],
      ['/sheets/testland/sections/assistance', '/sheets/{id}/sections/{sectionId}'],
      ['/sheets/testland/revisions', '/sheets/{id}/revisions'],
      ['/sheets/testland/diff', '/sheets/{id}/diff'],
      ['/figures?kind=money&fiscalYear=2021', '/figures'],
      ['/sheets', '/sheets'],
      ['/health', '/health'],
    ];
    for (const [path, resource] of cases) {
      const res = await call('GET', path);
      expect([path, res.statusCode]).toEqual([path, 200]);
      expect([path, await conforms(resource, 'GET', res)]).toEqual([path, []]);
    }
    const section = await call('GET', '/sheets/testland/sections/assistance');
    expect(section.json).toMatchObject({
      sheetId: 'testland',
      revision: 2,
      heading: 'Assistance',
      blocks: [{ type: 'paragraph' }],
    });
    const diff = await call('GET', '/sheets/testland/diff');
    expect(diff.json).toMatchObject({ from: 1, to: 2, figures: { changed: [{ after: { value: 150e6 } }] } });
    const revisions = await call('GET', '/sheets/testland/revisions');
    expect((revisions.json as { items: { revision: number }[] }).items.map((r) => r.revision)).toEqual([
      2, 1,
    ]);
    const across = await call('GET', '/figures?kind=money&fiscalYear=2021');
    expect(across.json).toMatchObject({
      items: [{ sheetId: 'testland', revision: 2, value: 150e6, country: 'Testland' }],
    });
  });

  it.each([
    ['/sheets/Bad_Id', 'id'],
    ['/sheets/testland/revisions/0', 'rev'],
    ['/sheets/testland/revisions/abc', 'rev'],
    ['/sheets?limit=100000', 'limit'],
    ['/sheets?limit=0', 'limit'],
    ['/sheets?limit=1&limit=2', 'limit'],
    ['/figures?kind=money&q=exports&format=csv', 'q'],
    ['/sheets/testland?x=1', 'x'],
    ['/figures?kind=gold', 'kind'],
    ['/figures?kind=money&fiscalYear=twenty', 'fiscalYear'],
    ['/sheets?cursor=not-a-cursor', 'cursor'],
    ['/sheets/testland/diff?from=2&to=1', 'from'],
  ])('GET %s → 400 problem naming %s', async (path, parameter) => {
    const { call } = await seeded();
    const res = await call('GET', path);
    expect(res.statusCode).toBe(400);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({ status: 400, code: 'validation', parameter });
    expect((res.json as { detail: string }).detail).toContain(parameter);
  });

  it('rejects a cursor from another list, and a well-formed cursor forged for another sheet', async () => {
    const { call, sheets } = await seeded();
    for (const id of ['a1', 'a2', 'a3']) {
      await sheets.publishRevision({
        sheet: sampleSheet(id),
        archiveKey: `archive/${id}/1.txt`,
        reason: 'upload',
        diff: null,
        expectedLatest: 0,
      });
    }
    const page = await call('GET', '/sheets?limit=2');
    const cursor = (page.json as { nextCursor: string }).nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const replayed = await call('GET', `/sheets/testland/revisions?cursor=${cursor}`);
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json).toMatchObject({ parameter: 'cursor' });
    const forged = Buffer.from(JSON.stringify({ v: 1, s: 'sheets', c: 'eyJ4IjoxfQ' })).toString('base64url');
    const res = await call('GET', `/sheets?cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json).toMatchObject({ parameter: 'cursor' });
  });

  it('pages through every sheet with no duplicates or gaps', async () => {
    const { call, sheets } = inMemoryApi();
    const ids = Array.from({ length: 45 }, (_, i) => `sheet-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      await sheets.publishRevision({
        sheet: sampleSheet(id),
        archiveKey: `archive/${id}/1.txt`,
        reason: 'upload',
        diff: null,
        expectedLatest: 0,
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call('GET', `/sheets?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json as { items: { id: string }[]; nextCursor?: string };
      seen.push(...body.items.map((s) => s.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it('404s unknown sheets, sections, revisions and routes as problem+json', async () => {
    const { call } = await seeded();
    for (const path of [
      '/sheets/nope',
      '/sheets/testland/sections/nope',
      '/sheets/testland/revisions/9',
      '/nowhere',
    ]) {
      const res = await call('GET', path);
      expect([path, res.statusCode, res.headers['Content-Type']]).toEqual([
        path,
        404,
        'application/problem+json',
      ]);
    }
    expect((await call('DELETE', '/sheets')).statusCode).toBe(404);
  });

  it('a sheet that never published is a 404 whose problem carries the refused input', async () => {
    const { call, sheets, conforms } = inMemoryApi();
    await sheets.recordError('broken', {
      at: '2026-01-01T00:00:00.000Z',
      key: 'sources/broken.txt',
      reason: 'empty',
      message: 'empty file',
    });
    const res = await call('GET', '/sheets/broken');
    expect(res.statusCode).toBe(404);
    expect(res.json).toMatchObject({
      code: 'not-found',
      lastError: { reason: 'empty', key: 'sources/broken.txt' },
    });
    expect(await conforms('/sheets/{id}', 'GET', res)).toEqual([]);
  });

  it('a 500 says nothing about internals', async () => {
    const harness = inMemoryApi();
    harness.sheets.getMeta = async () => {
      throw new Error('secret-table-name exploded at 10.0.0.1');
    };
    const res = await harness.call('GET', '/sheets/testland');
    expect(res.statusCode).toBe(500);
    expect(String(res.body)).not.toContain('secret');
    expect(res.json).toMatchObject({ status: 500, code: 'internal' });
  });

  it('reads META once per max-age window and each immutable revision once', async () => {
    const harness = await seeded();
    const counts = { meta: 0, revision: 0 };
    const { getMeta, getRevision } = harness.sheets;
    harness.sheets.getMeta = (id) => {
      counts.meta++;
      return getMeta.call(harness.sheets, id);
    };
    harness.sheets.getRevision = (id, rev) => {
      counts.revision++;
      return getRevision.call(harness.sheets, id, rev);
    };
    await Promise.all(Array.from({ length: 20 }, () => harness.call('GET', '/sheets/testland')));
    await harness.call('GET', '/sheets/testland/figures');
    await harness.call('GET', '/sheets/testland/revisions/2');
    expect(counts).toEqual({ meta: 1, revision: 1 });
  });

  it('reuses a latest response within max-age; a write through the API drops it', async () => {
    const harness = await seeded();
    expect((await harness.call('GET', '/sheets/testland')).json).toMatchObject({ latestRevision: 2 });
    await harness.sheets.publishRevision({
      sheet: sampleSheet('testland', 1),
      archiveKey: 'archive/testland/3.txt',
      reason: 'upload',
      diff: null,
      expectedLatest: 2,
    });
    // Published behind the API's back: within max-age the cached answer stands, as Cache-Control allows.
    expect((await harness.call('GET', '/sheets/testland')).json).toMatchObject({ latestRevision: 2 });
    const upload = await harness.call('PUT', '/sheets/testland/source', {
      headers: { 'Content-Type': 'text/plain' },
      body: 'U.S. Relations With Testland',
    });
    expect(upload.statusCode).toBe(202);
    expect((await harness.call('GET', '/sheets/testland')).json).toMatchObject({ latestRevision: 3 });
  });

  it('answers CORS preflight with the allowed methods of the resource', async () => {
    const { call } = await seeded();
    const res = await call('OPTIONS', '/sheets/testland/source');
    expect(res.statusCode).toBe(204);
    expect(res.headers['Access-Control-Allow-Methods']).toBe('PUT, OPTIONS');
    expect(res.headers['Access-Control-Allow-Headers']).toContain('Authorization');
  });

  it('serves the docs page and its assets from swagger-ui-dist, binary ones as bytes', async () => {
    const { call } = await seeded();
    const page = await call('GET', '/docs');
    expect(page.headers['Content-Type']).toContain('text/html');
    expect(String(page.body)).toContain('docs/swagger-ui-bundle.js');
    const css = await call('GET', '/docs/swagger-ui.css');
    expect(css.statusCode).toBe(200);
    expect(String(css.body)).toContain('.swagger-ui');
    const icon = await call('GET', '/docs/favicon-32x32.png');
    expect(icon.body).toBeInstanceOf(Uint8Array);
    expect(
      Buffer.from(icon.body as Uint8Array)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect((await call('GET', '/docs/secret.env')).statusCode).toBe(404);
    expect((await call('GET', '/docs/..%2Fpackage.json')).statusCode).toBe(400);
  });
});
