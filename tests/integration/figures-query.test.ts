/**
 * GET /figures and /sheets/{id}/figures on the emulators (functions/api.ts over dynalite): 120 sheets, some
 * republished, walked page by page for filtered queries; country spellings; fiscal spans; strict
 * parameters; CSV (parsed back with csv-parse) and NDJSON against the JSON pages.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { parse as parseCsv } from 'csv-parse/sync';
import { handler as api } from '../../functions/api';
import { documentClient } from '../../shared/aws/clients';
import type { Figure } from '../../shared/model';
import { assignFigureKeys } from '../../shared/pipeline/figure-keys';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { countryKey, figureMatches } from '../../shared/store/figure-index';
import { syntheticId, syntheticSheet } from '../support/figure-sheets';
import { responseChecker, validateDocument } from '../support/openapi-support';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, testDocuments } from '../support/resources';

const SHEETS = 120;
let check: ReturnType<typeof responseChecker>;

interface Row {
  sheetId: string;
  key: string;
  kind: string;
  value: number | string;
  country: string | null;
  revision: number;
  period?: Figure['period'];
  text: string;
  sentence: string;
}

/** What the latest revisions hold, as the test published them. */
const latest: (Row & Figure)[] = [];

async function call(target: string, headers: Record<string, string> = {}) {
  const res = (await api(proxyEvent('GET', target, { headers }))) as APIGatewayProxyResult;
  const out = { ...res, headers: res.headers as Record<string, string> };
  const type = String(out.headers['Content-Type'] ?? '');
  return {
    ...out,
    json: type.includes('json') && !type.includes('ndjson') ? JSON.parse(out.body) : undefined,
  };
}

/** Every page of a query; asserts no page but the last is short, and every body matches the document. */
async function walk(target: string, limit: number) {
  const pages: Row[][] = [];
  let cursor: string | undefined;
  do {
    const sep = target.includes('?') ? '&' : '?';
    const url = `${target}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await call(url);
    expect([url, res.statusCode]).toEqual([url, 200]);
    expect(check('/figures', 'GET', 200, res.headers['Content-Type'] ?? '', res.json)).toEqual([]);
    pages.push(res.json.items);
    cursor = res.json.nextCursor;
  } while (cursor);
  for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
  // Only a query with no match at all answers an empty page.
  if (pages.length > 1 || pages[0]!.length > 0) expect(pages.at(-1)!.length).toBeGreaterThan(0);
  return pages.flat();
}

const ids = (rows: readonly Row[]) => rows.map((r) => `${r.sheetId}/${r.key}`);

function expected(filter: Parameters<typeof figureMatches>[0]): string[] {
  return ids(
    latest.filter(
      (f) => (!filter.sheets || filter.sheets.includes(f.sheetId)) && figureMatches(filter, f, f.country),
    ),
  );
}

beforeAll(async () => {
  const { tableName, bucketName } = await createTestResources('figq');
  const repo = new DynamoSheetRepository(documentClient(), tableName, {
    documents: testDocuments(bucketName),
  });
  for (let i = 0; i < SHEETS; i++) {
    const first = assignFigureKeys(null, syntheticSheet(i, 1), 1);
    await repo.publishRevision({
      sheet: first,
      archiveKey: 'a',
      reason: 'upload',
      diff: null,
      expectedLatest: 0,
    });
    let sheet = first;
    if (i % 10 === 0) {
      sheet = assignFigureKeys(first.figures, syntheticSheet(i, 2), 2);
      await repo.publishRevision({ sheet, archiveKey: 'a', reason: 'upload', diff: null, expectedLatest: 1 });
    }
    const revision = i % 10 === 0 ? 2 : 1;
    for (const f of sheet.figures) {
      latest.push({ ...f, key: f.key!, sheetId: syntheticId(i), country: sheet.country, revision });
    }
  }
  const doc = await call('/openapi.json');
  expect(validateDocument(doc.json).valid).toBe(true);
  check = responseChecker(doc.json);
}, 120_000);

describe('GET /figures over 120 sheets', () => {
  it.each([
    ['/figures?kind=money', 7, { kind: 'money' as const }],
    ['/figures?kind=money&fiscalYear=2015', 3, { kind: 'money' as const, fiscalYear: 2015 }],
    ['/figures?fiscalYear=2015', 4, { fiscalYear: 2015 }],
    ['/figures', 50, {}],
    ['/figures?country=the%20gambia', 5, { country: 'The Gambia' }],
    ['/figures?country=KENYA&kind=percent', 4, { country: 'kenya', kind: 'percent' as const }],
    [
      '/figures?sheet=s0007&sheet=s0003&sheet=s0010&kind=money',
      1,
      { sheets: ['s0003', 's0007', 's0010'], kind: 'money' as const },
    ],
  ])(
    '%s (limit %d): full pages, no duplicates, no gaps, in sheet then position order',
    async (target, limit, filter) => {
      const rows = await walk(target, limit);
      const want = expected(filter);
      expect(want.length).toBeGreaterThan(limit);
      expect(ids(rows)).toEqual(want);
      expect(new Set(ids(rows)).size).toBe(rows.length);
      // The republished sheets answer with their latest revision only.
      expect(rows.filter((r) => r.sheetId === 's0010').every((r) => r.revision === 2)).toBe(true);
    },
  );

  it('matches a country without regard to case or a leading "the"', async () => {
    const spellings = ['The%20Gambia', 'gambia', 'GAMBIA', 'the%20gambia'];
    const results = await Promise.all(spellings.map((c) => walk(`/figures?country=${c}`, 100)));
    for (const rows of results) expect(ids(rows)).toEqual(ids(results[0]!));
    expect(results[0]!.every((r) => r.country !== null && countryKey(r.country) === 'gambia')).toBe(true);
    expect(await walk('/figures?country=atlantis', 10)).toEqual([]);
  });

  it('fiscalYear=Y matches a figure whose fiscal span covers Y', async () => {
    const rows = await walk('/figures?kind=money&fiscalYear=2016', 100);
    const spans = rows.filter((r) => r.period && 'fiscalYearFrom' in r.period);
    expect(spans.length).toBe(latest.filter((f) => f.text === '$5 million').length);
    expect(await walk('/figures?kind=money&fiscalYear=2021', 100)).not.toContainEqual(
      expect.objectContaining({ text: '$5 million' }),
    );
  });

  it.each([
    ['/figures?kind=money&q=exports', 'q', 'query parameter q is not known'],
    ['/figures?kind=gold', 'kind', 'must be one of money, percent, count, date, duration'],
    ['/figures?fiscalYear=abc', 'fiscalYear', 'must be a number'],
    ['/figures?format=xml', 'format', 'must be one of json, csv, ndjson'],
    ['/sheets/s0001/figures?page=2', 'page', 'query parameter page is not known'],
    ['/sheets/s0001?limit=5', 'limit', 'this route takes no query parameters'],
  ])('%s → 400 naming %s in plain words', async (target, parameter, words) => {
    const res = await call(target);
    expect(res.statusCode).toBe(400);
    expect(res.json).toMatchObject({ parameter });
    expect(res.json.detail).toContain(words);
    expect(res.json.detail).not.toMatch(/NaN|Invalid option|expected/);
  });

  it('CSV: every page parsed back equals the JSON pages; Link and X-Next-Cursor lead to the next', async () => {
    const json = await walk('/figures?kind=money', 40);
    const rows: Record<string, string>[] = [];
    let next: string | undefined = '/figures?kind=money&limit=40';
    let pages = 0;
    while (next) {
      const res = await call(next, { Accept: 'text/csv' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['Content-Type']).toMatch(/^text\/csv/);
      const records = parseCsv(res.body, { columns: true }) as Record<string, string>[];
      rows.push(...records);
      pages++;
      const link = res.headers.Link;
      next = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1]!.replace(/^\/prod/, '') : undefined;
      if (next) expect(next).toContain(`cursor=${res.headers['X-Next-Cursor']}`);
    }
    expect(pages).toBe(Math.ceil(json.length / 40));
    expect(rows.map((r) => `${r.sheet}/${r.key}`)).toEqual(ids(json));
    rows.forEach((row, i) => {
      const f = json[i]!;
      expect(row).toMatchObject({
        sheet: f.sheetId,
        country: f.country ?? '',
        revision: String(f.revision),
        kind: 'money',
        value: String(f.value),
        unit: 'USD',
        text: f.text,
        sentence: f.sentence,
        sectionHeading: 'Assistance',
        publishedOn: '2024-01-15',
      });
      const period = f.period;
      const fiscal = period && 'fiscalYear' in period ? String(period.fiscalYear) : '2011-2020';
      expect(row.fiscalYear).toBe(fiscal);
    });
  });

  it('NDJSON: one figure per line, equal to the JSON page; format= overrides Accept', async () => {
    const page = await call('/figures?kind=percent&limit=30');
    const res = await call('/figures?kind=percent&limit=30&format=ndjson', { Accept: 'text/csv' });
    expect(res.headers['Content-Type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(page.json.items);
    expect(res.headers.Link).toContain('format=ndjson');
  });

  it('/sheets/{id}/figures pages with limit and cursor, and exports as CSV', async () => {
    const first = await call('/sheets/s0003/figures?limit=3');
    expect(
      check('/sheets/{id}/figures', 'GET', 200, first.headers['Content-Type'] ?? '', first.json),
    ).toEqual([]);
    expect(first.json.items).toHaveLength(3);
    const second = await call(`/sheets/s0003/figures?limit=3&cursor=${first.json.nextCursor}`);
    expect(second.json.nextCursor).toBeUndefined();
    const all = [...first.json.items, ...second.json.items].map((f: Figure) => f.key);
    expect(all).toEqual(latest.filter((f) => f.sheetId === 's0003').map((f) => f.key));
    const csv = await call('/sheets/s0003/figures?format=csv&limit=100');
    const records = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.key)).toEqual(all);
    // Sheet 3 has no country: an empty field, not "null".
    expect(records[0]).toMatchObject({ sheet: 's0003', country: '', sectionHeading: 'Assistance' });
  });
});
