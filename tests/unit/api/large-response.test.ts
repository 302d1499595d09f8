/**
 * Review bug 7: Lambda answers at most 6 MB synchronously (API Gateway turns more into a 502). A response
 * that would not fit is a clear 413 problem instead, measured as the proxy envelope will carry it.
 */
import type { RouteDefinition, RouteDeps } from '../../../shared/api/definition';
import type { ApiRequest } from '../../../shared/api/http';
import { createRouter } from '../../../shared/api/router';
import { routeDefinitions } from '../../../shared/api/routes';
import { SheetReader } from '../../../shared/api/sheet-reader';
import { routes } from '../../../shared/topology';
import { inMemoryApi } from '../../support/api-harness';
import { bigSheet } from '../../support/big-sheet';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';

describe('responses too large for Lambda', () => {
  it('GET /sheets/{id}/revisions/{rev} of a huge revision is a 413 problem pointing at the parts', async () => {
    const { call, sheets, conforms } = inMemoryApi();
    // ~2 MB of text, repeated in its paragraph, plus figures with sentences: a ~7 MB revision body.
    await sheets.publishRevision({
      sheet: bigSheet('big', { chars: 1_950_000, figures: 5_000, sentenceChars: 500 }),
      archiveKey: 'archive/big/1.txt',
      reason: 'upload',
      diff: null,
      expectedLatest: 0,
    });
    const res = await call('GET', '/sheets/big/revisions/1');
    expect(res.statusCode).toBe(413);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.headers['Cache-Control']).toBe('no-store');
    expect(res.json).toMatchObject({ status: 413, code: 'payload-too-large' });
    const detail = (res.json as { detail: string }).detail;
    expect(detail).toContain('/sections');
    expect(detail).toContain('/figures');
    expect(Buffer.byteLength(String(res.body))).toBeLessThan(2_000);
    expect(await conforms('/sheets/{id}/revisions/{rev}', 'GET', res)).toEqual([]);
    // The parts still answer.
    const sheet = await call('GET', '/sheets/big');
    expect(sheet.statusCode).toBe(200);
    expect((await call('GET', '/sheets/big/sections/body')).statusCode).toBe(200);
    expect((await call('GET', '/sheets/big/figures?sectionId=body')).statusCode).toBe(200);
  });

  it('documents the 413 on the revision route', async () => {
    const { call } = inMemoryApi();
    const doc = (await call('GET', '/openapi.json')).json as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };
    const description = doc.paths['/sheets/{id}/revisions/{rev}']!.get!.responses['413']!.description;
    expect(description).toMatch(/6 MB|5\.5 MB/);
    expect(description).toContain('/sections');
  });

  describe('measures what the proxy response will carry', () => {
    async function sized(body: unknown) {
      const deps: RouteDeps = {
        sheets: new InMemorySheetRepository(),
        blobs: new InMemoryBlobStore(),
        reader: new SheetReader(new InMemorySheetRepository(), { maxAgeSeconds: 5 }),
        maxSourceBytes: 1,
      };
      const getHealth: RouteDefinition = {
        responses: {},
        handle: async () => ({ body, cache: 'no-store' }),
      };
      const api = createRouter({
        routes,
        definitions: { ...routeDefinitions, getHealth },
        deps,
        readMaxAgeSeconds: 5,
      });
      const request: ApiRequest = { method: 'GET', path: '/health', headers: {}, query: {} };
      return (await api(request)).statusCode;
    }

    it('5 MB of plain ASCII passes', async () => {
      expect(await sized({ s: 'a'.repeat(5_000_000) })).toBe(200);
    });

    it('2 M quotes (4 MB of JSON, 8 MB once escaped into the proxy envelope) do not', async () => {
      expect(await sized({ s: '"'.repeat(2_000_000) })).toBe(413);
    });

    it('3 M two-byte characters (3 M UTF-16 units, 6 MB of UTF-8) do not', async () => {
      expect(await sized({ s: 'é'.repeat(3_000_000) })).toBe(413);
    });
  });
});
