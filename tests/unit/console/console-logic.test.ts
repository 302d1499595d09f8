/**
 * The console's logic that needs no browser: hash routing, where figures sit in a block of text, the money
 * series of the chart, and when a sheet counts as failed. (Rendering is covered in tests/browser.)
 */
import { placeFigures } from '../../../console/src/figure-placement';
import { formatMoneyShort, formatPeriod } from '../../../console/src/format';
import { href, matchPattern, parseHash } from '../../../console/src/hash-route';
import { moneyByFiscalYear } from '../../../console/src/pages/money-series';
import { refreshFailure, uploadFailure } from '../../../console/src/pages/sheet-status';
import type { Figure, SheetSummary, Source } from '../../../console/src/types';

function figure(over: Partial<Figure> & Pick<Figure, 'id' | 'text' | 'start'>): Figure {
  return {
    key: `r1-${over.id}`,
    kind: 'money',
    value: 1,
    end: over.start + over.text.length,
    sectionId: 's',
    sentence: '',
    ...over,
  };
}

describe('hash routes', () => {
  it('splits path and query and drops a trailing slash', () => {
    const { path, query } = parseHash('#/sheets/mali/diff/?from=1&to=2');
    expect(path).toBe('/sheets/mali/diff');
    expect([query.get('from'), query.get('to')]).toEqual(['1', '2']);
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#sheets').path).toBe('/sheets');
  });

  it('matches patterns segment by segment and decodes params', () => {
    expect(matchPattern('/sheets/:id', '/sheets/cote-d%27ivoire')).toEqual({ id: "cote-d'ivoire" });
    expect(matchPattern('/sheets/:id', '/sheets/mali/revisions')).toBeNull();
    expect(matchPattern('/sheets/:id/figures/:key', '/sheets/mali/figures/r1-12')).toEqual({
      id: 'mali',
      key: 'r1-12',
    });
    expect(matchPattern('/sheets/:id', '/sheets/%E0%A4%A')).toBeNull();
    expect(matchPattern('/sheets/:id', '/sheets/')).toBeNull();
  });

  it('builds links with each segment encoded', () => {
    expect(href('sheets', 'a/b', 'figures', 'r1-2')).toBe('#/sheets/a%2Fb/figures/r1-2');
  });
});

describe('placing figures in a block of text', () => {
  const text = 'In FY 2021 it gave $5 million, and $5 million again in FY 2022.';

  it('uses the offsets when they match the text, even when the same words repeat', () => {
    const second = figure({ id: 'f2', text: '$5 million', start: 100 + text.lastIndexOf('$5 million') });
    const first = figure({ id: 'f1', text: '$5 million', start: 100 + text.indexOf('$5 million') });
    const placed = placeFigures(text, [second, first], 100);
    expect(placed.map((p) => [p.figure.id, p.start])).toEqual([
      ['f1', text.indexOf('$5 million')],
      ['f2', text.lastIndexOf('$5 million')],
    ]);
  });

  it('leaves out figures outside the block and finds a mismatched one by its text', () => {
    const outside = figure({ id: 'f0', text: 'FY 2020', start: 10 });
    const shifted = figure({ id: 'f3', text: 'FY 2022', start: 100 });
    const placed = placeFigures(text, [outside, shifted], 100);
    expect(placed.map((p) => [p.figure.id, text.slice(p.start, p.end)])).toEqual([['f3', 'FY 2022']]);
  });

  it('without offsets, finds each figure in order and skips one that is not there', () => {
    const figures = [
      figure({ id: 'a', text: 'FY 2021', start: 1 }),
      figure({ id: 'b', text: 'not in the text', start: 2 }),
      figure({ id: 'c', text: 'FY 2022', start: 3 }),
    ];
    expect(placeFigures(text, figures).map((p) => p.figure.id)).toEqual(['a', 'c']);
  });
});

describe('the money chart series', () => {
  it('charts the most frequent currency by fiscal year and counts the rest', () => {
    const series = moneyByFiscalYear([
      figure({
        id: 'b',
        text: '$7 million',
        start: 5,
        value: 7e6,
        unit: 'USD',
        period: { fiscalYear: 2022 },
      }),
      figure({
        id: 'a',
        text: '$5 million',
        start: 9,
        value: 5e6,
        unit: 'USD',
        period: { fiscalYear: 2021 },
      }),
      figure({
        id: 'e',
        text: '€2 million',
        start: 1,
        value: 2e6,
        unit: 'EUR',
        period: { fiscalYear: 2021 },
      }),
      figure({ id: 'n', text: '$9 million', start: 2, value: 9e6, unit: 'USD' }),
      figure({
        id: 'p',
        text: '5 percent',
        start: 3,
        kind: 'percent',
        value: 5,
        period: { fiscalYear: 2021 },
      }),
    ]);
    expect(series.unit).toBe('USD');
    expect(series.other).toBe(1);
    expect(series.points.map((p) => [p.label, p.value, p.display])).toEqual([
      ['FY 2021', 5e6, '$5M'],
      ['FY 2022', 7e6, '$7M'],
    ]);
  });

  it('reads periods and short money the way the chart labels them', () => {
    expect(formatPeriod({ fiscalYearFrom: 2018, fiscalYearTo: 2021 })).toBe('FY 2018–2021');
    expect(formatMoneyShort(1.5e9, 'USD')).toBe('$1.5B');
    expect(formatMoneyShort(2500, 'XOF')).toBe('2.5K XOF');
  });
});

describe('failure badges', () => {
  const sheet = { updatedAt: '2026-01-02T00:00:00.000Z' } as SheetSummary;
  const error = { key: 'sources/x.txt', reason: 'no-content', message: 'nothing there' };

  it('counts an upload as failed only when its error is newer than the last revision', () => {
    expect(uploadFailure(sheet)).toBeNull();
    expect(uploadFailure({ ...sheet, lastError: { ...error, at: '2026-01-01T00:00:00.000Z' } })).toBeNull();
    expect(uploadFailure({ ...sheet, lastError: { ...error, at: '2026-01-03T00:00:00.000Z' } })).toContain(
      'no-content: nothing there',
    );
  });

  it('counts a refresh as failed when the source’s last check failed', () => {
    const source = { id: 'x', url: 'https://www.state.gov/x', enabled: true } as Source;
    expect(refreshFailure({ ...source, lastStatus: 'updated' })).toBeNull();
    expect(refreshFailure({ ...source, lastStatus: 'failed', lastError: 'status: HTTP 503' })).toBe(
      'status: HTTP 503',
    );
  });
});
