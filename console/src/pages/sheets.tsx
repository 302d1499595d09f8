/**
 * Every sheet: title, country, latest revision, last change, and a badge when its last upload or refresh
 * failed. Pages follow the API's cursor; the text and country filters apply to the page shown (the list
 * route has no filters of its own).
 */
import { useMemo, useState } from 'preact/hooks';
import { FailureBadge } from '../components/failure-badge';
import { ProblemView } from '../components/problem';
import { formatTime } from '../format';
import { href } from '../router';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import type { Page, SheetSummary, Source } from '../types';
import { useApi } from '../use-api';

const DEFAULT_PAGE_SIZE = 50;

/** `#/sheets?limit=N` sets the page size (1–100, the API's bounds). */
function pageSize(query: URLSearchParams): number {
  const n = Number(query.get('limit'));
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : DEFAULT_PAGE_SIZE;
}

/** The last upload failed when its error record is newer than the last published revision. */
export function uploadFailure(sheet: SheetSummary): string | null {
  const error = sheet.lastError;
  if (!error || error.at < sheet.updatedAt) return null;
  return `${error.reason}: ${error.message} (${formatTime(error.at)}, ${error.key})`;
}

function matchesText(sheet: SheetSummary, text: string): boolean {
  if (!text) return true;
  const needle = text.toLowerCase();
  return [sheet.id, sheet.title, sheet.country, sheet.bureau].some((v) => v?.toLowerCase().includes(needle));
}

export function SheetsPage({ query }: PageProps) {
  usePageTitle('Sheets');
  // Cursors of the pages seen so far: index 0 is the first page (no cursor).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [pageIndex, setPageIndex] = useState(0);
  const [text, setText] = useState('');
  const [country, setCountry] = useState('');
  const cursor = cursors[pageIndex];
  const sheets = useApi<Page<SheetSummary>>(
    `sheets?limit=${pageSize(query)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  // Refresh failures live on the sources; one page of 100 covers a typical registry.
  const sources = useApi<Page<Source>>('sources?limit=100');
  const refreshFailures = useMemo(() => {
    const failed = new Map<string, string>();
    for (const source of sources.data?.items ?? []) {
      if (source.lastStatus === 'failed') {
        const when = source.lastCheckedAt ? ` (${formatTime(source.lastCheckedAt)})` : '';
        failed.set(source.id, `${source.lastError ?? 'refresh failed'}${when}`);
      }
    }
    return failed;
  }, [sources.data]);

  const items = sheets.data?.items ?? [];
  const countries = [...new Set(items.map((s) => s.country).filter((c): c is string => !!c))].sort();
  const shown = items.filter((s) => matchesText(s, text.trim()) && (!country || s.country === country));
  const next = sheets.data?.nextCursor;

  return (
    <>
      <h1>Sheets</h1>
      <form class="filters" aria-label="Filter sheets" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="sheet-filter-text">Title, id or bureau contains</label>
          <input
            id="sheet-filter-text"
            type="search"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="sheet-filter-country">Country</label>
          <select
            id="sheet-filter-country"
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
          >
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <p class="muted filter-note">Filters apply to the sheets on this page.</p>
      </form>
      {sheets.state === 'failed' ? <ProblemView problem={sheets.error} context="Loading the sheets" /> : null}
      {sheets.state === 'loading' ? <p aria-live="polite">Loading sheets…</p> : null}
      {sheets.state === 'done' ? (
        <>
          <p class="muted" aria-live="polite">
            {shown.length === items.length
              ? `${items.length} sheets on this page`
              : `${shown.length} of ${items.length} sheets on this page match`}
          </p>
          {shown.length > 0 ? (
            <table class="sheets">
              <caption class="visually-hidden">Sheets, page {pageIndex + 1}</caption>
              <thead>
                <tr>
                  <th scope="col">Sheet</th>
                  <th scope="col">Country</th>
                  <th scope="col" class="num">
                    Latest revision
                  </th>
                  <th scope="col">Last changed</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((sheet) => {
                  const upload = uploadFailure(sheet);
                  const refresh = refreshFailures.get(sheet.id);
                  return (
                    <tr key={sheet.id} data-sheet={sheet.id}>
                      <td>
                        <a href={href('sheets', sheet.id)}>{sheet.title ?? sheet.country ?? sheet.id}</a>
                        <span class="sheet-id"> {sheet.id}</span>
                      </td>
                      <td>{sheet.country ?? '—'}</td>
                      <td class="num">{sheet.latestRevision}</td>
                      <td>
                        <time dateTime={sheet.updatedAt}>{formatTime(sheet.updatedAt)}</time>
                      </td>
                      <td>
                        {upload ? (
                          <FailureBadge
                            id={`upload-failure-${sheet.id}`}
                            label="Upload failed"
                            reason={upload}
                          />
                        ) : null}
                        {refresh ? (
                          <FailureBadge
                            id={`refresh-failure-${sheet.id}`}
                            label="Refresh failed"
                            reason={refresh}
                          />
                        ) : null}
                        {!upload && !refresh ? <span class="ok">OK</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p>No sheet on this page matches.</p>
          )}
        </>
      ) : null}
      <nav class="pager" aria-label="Pages of sheets">
        <button
          type="button"
          disabled={pageIndex === 0}
          onClick={() => setPageIndex((i) => Math.max(0, i - 1))}
        >
          Previous page
        </button>
        <span>Page {pageIndex + 1}</span>
        <button
          type="button"
          disabled={!next}
          onClick={() => {
            if (!next) return;
            setCursors((list) => [...list.slice(0, pageIndex + 1), next]);
            setPageIndex((i) => i + 1);
          }}
        >
          Next page
        </button>
      </nav>
    </>
  );
}
