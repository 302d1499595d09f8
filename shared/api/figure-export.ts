/**
 * Figure lists as CSV (RFC 4180, csv-stringify: CRLF, quoting where needed, a header row) and NDJSON
 * (one JSON figure per line), chosen by `format=` or else by `Accept`. Pages link to the next one with
 * `Link: <…>; rel="next"` (RFC 8288) besides carrying the cursor (JSON body or `X-Next-Cursor`).
 */
import { stringify } from 'csv-stringify/sync';
import type { Figure } from '../model';
import type { RouteResult } from './definition';
import { type ApiRequest, header } from './http';

export type ExportFormat = 'json' | 'csv' | 'ndjson';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
export const NDJSON_CONTENT_TYPE = 'application/x-ndjson; charset=utf-8';

const MEDIA: Record<string, ExportFormat> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/json': 'json',
};

/** `format` when given; else the supported type `Accept` prefers (highest q, then first); else JSON. */
export function exportFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format) return format;
  const ranges = (accept ?? '')
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((r) => MEDIA[r.type] && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranges[0] ? MEDIA[ranges[0].type]! : 'json';
}

/** One CSV row's worth of a figure: the figure plus where it stands. */
export interface ExportRow {
  figure: Figure;
  sheetId: string;
  country: string | null;
  revision: number;
  sectionHeading: string | null;
  publishedOn: string | null;
}

export const CSV_COLUMNS = [
  'sheet',
  'country',
  'revision',
  'key',
  'kind',
  'value',
  'unit',
  'qualifier',
  'fiscalYear',
  'calendarSpan',
  'text',
  'sentence',
  'sectionHeading',
  'publishedOn',
] as const;

/** `2021`, or `2011-2020` for a fiscal span; a fiscal date's year. */
function fiscalYears(figure: Figure): string {
  const { period } = figure;
  if (period && 'fiscalYear' in period) return String(period.fiscalYear);
  if (period && 'fiscalYearFrom' in period) return `${period.fiscalYearFrom}-${period.fiscalYearTo}`;
  if (figure.kind === 'date' && figure.fiscal) return String(figure.value).slice(0, 4);
  return '';
}

/** `2018-2021` for a calendar period, or a date range figure's own span. */
function calendarSpan(figure: Figure): string {
  const { period } = figure;
  if (period && 'from' in period) return `${period.from}-${period.to}`;
  if (figure.kind === 'date' && figure.to !== undefined) return `${figure.value}-${figure.to}`;
  return '';
}

function csvRecord(row: ExportRow): string[] {
  const { figure } = row;
  return [
    row.sheetId,
    row.country ?? '',
    String(row.revision),
    figure.key ?? '',
    figure.kind,
    String(figure.value),
    figure.unit ?? '',
    figure.qualifier ?? '',
    fiscalYears(figure),
    calendarSpan(figure),
    figure.text,
    figure.sentence,
    row.sectionHeading ?? '',
    row.publishedOn ?? '',
  ];
}

export function toCsv(rows: readonly ExportRow[]): string {
  return stringify(rows.map(csvRecord), {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: '\r\n',
  });
}

export function toNdjson(items: readonly unknown[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join('');
}

/** The request's own URL with `cursor` replaced (every other parameter kept, `format` included). */
export function nextLink(request: ApiRequest, cursor: string): string {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(request.query)) {
    if (name === 'cursor') continue;
    for (const value of values) params.append(name, value);
  }
  params.append('cursor', cursor);
  return `<${request.basePath ?? ''}${request.path}?${params.toString()}>; rel="next"`;
}

/**
 * The page in the negotiated format. JSON keeps its body shape; CSV and NDJSON carry the cursor in
 * `X-Next-Cursor`. Every format gets `Link` when there is a next page, and `Vary: Accept`.
 */
export function exportResult(
  request: ApiRequest,
  format: ExportFormat,
  page: { json: unknown; items: readonly unknown[]; rows: () => Promise<ExportRow[]>; nextCursor?: string },
): Promise<RouteResult> | RouteResult {
  const headers: Record<string, string> = { Vary: 'Accept' };
  if (page.nextCursor !== undefined) {
    headers.Link = nextLink(request, page.nextCursor);
    if (format !== 'json') headers['X-Next-Cursor'] = page.nextCursor;
  }
  if (format === 'json') return { body: page.json, headers, cache: 'latest' };
  const raw = (contentType: string, body: string): RouteResult => ({
    raw: { statusCode: 200, headers: { ...headers, 'Content-Type': contentType }, body },
    cache: 'latest',
  });
  if (format === 'ndjson') return raw(NDJSON_CONTENT_TYPE, toNdjson(page.items));
  return page.rows().then((rows) => raw(CSV_CONTENT_TYPE, toCsv(rows)));
}

/** The `Accept` header of a request. */
export const acceptOf = (request: ApiRequest): string | undefined => header(request, 'accept');
