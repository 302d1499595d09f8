/** Review bugs 8 (/diff over a stored summary whose figure lists were left out) and 10 (/docs/constructor). */
import { createApi } from '../../../shared/api/app';
import type { ApiRequest } from '../../../shared/api/http';
import { diffSheets } from '../../../shared/pipeline/diff';
import type { DiffSummary } from '../../../shared/store/ports';
import { bigSheet, publishTwoRevisions } from '../../support/big-sheet';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';

function get(path: string, query: Record<string, string> = {}): ApiRequest {
  return {
    method: 'GET',
    path,
    headers: {},
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
  };
}

describe('GET /sheets/{id}/diff when the stored summary omitted its figures', () => {
  it('recomputes the figure lists for consecutive revisions (default and explicit from/to)', async () => {
    const sheets = new InMemorySheetRepository();
    // 3,000 changed figures: the stored summary is too large for the header item, so figures are left out.
    const v1 = bigSheet('many', { chars: 1_000, figures: 3_000, value: 1 });
    const v2 = bigSheet('many', { chars: 1_000, figures: 3_000, value: 2 });
    await publishTwoRevisions(sheets, v1, v2);
    expect((await sheets.getRevision('many', 2))?.header.diff?.figuresOmitted).toBe(true);

    const api = createApi({
      sheets,
      blobs: new InMemoryBlobStore(),
      readMaxAgeSeconds: 5,
      maxSourceBytes: 2 * 1024 * 1024,
      diff: (older, newer) =>
        diffSheets(older.sheet, newer.sheet, older.header.revision, newer.header.revision),
    });
    const queries: Record<string, string>[] = [{}, { from: '1', to: '2' }];
    for (const query of queries) {
      const res = await api(get('/sheets/many/diff', query));
      expect(res.statusCode).toBe(200);
      const diff = JSON.parse(String(res.body)) as DiffSummary;
      expect(diff).toMatchObject({ from: 1, to: 2 });
      expect(diff.figuresOmitted).toBeUndefined();
      expect(diff.figures.changed).toHaveLength(3_000);
    }
  });
});

describe('GET /docs/{asset}', () => {
  it('answers /docs/constructor (an Object.prototype name) with a 404 problem, not a 500', async () => {
    const api = createApi({
      sheets: new InMemorySheetRepository(),
      blobs: new InMemoryBlobStore(),
      readMaxAgeSeconds: 5,
      maxSourceBytes: 1,
    });
    const res = await api(get('/docs/constructor'));
    expect(res.statusCode).toBe(404);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(JSON.parse(String(res.body))).toMatchObject({ status: 404, code: 'not-found' });
    expect((await api(get('/docs/swagger-ui.css'))).statusCode).toBe(200);
  });
});
