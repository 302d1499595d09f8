/**
 * `#/sheets/{id}/diff?from=N&to=M`: what changed between two revisions. The figures and sections come from
 * the diff route; the changed sentences from the two revision documents, compared here.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api';
import { ProblemView, problemText } from '../components/problem';
import { href } from '../router';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import { useApi } from '../use-api';
import type { Diff, Revision } from './api-types';
import { DiffView } from './diff-view';
import { diffHref, revisionsHref, sheetPath } from './links';
import { type SectionSentenceChanges, sentenceChanges } from './sentence-diff';

type Documents =
  | { state: 'loading' }
  | { state: 'ok'; sentences: SectionSentenceChanges[]; headings: Map<string, string | null> }
  | { state: 'unavailable'; detail: string };

function useDocuments(sheetId: string, diff: Diff | undefined): Documents {
  const [documents, setDocuments] = useState<Documents>({ state: 'loading' });
  const from = diff?.from;
  const to = diff?.to;
  useEffect(() => {
    if (from === undefined || to === undefined) return;
    let current = true;
    setDocuments({ state: 'loading' });
    Promise.all([
      apiGet<Revision>(sheetPath(sheetId, 'revisions', String(from))),
      apiGet<Revision>(sheetPath(sheetId, 'revisions', String(to))),
    ]).then(
      ([older, newer]) => {
        if (!current) return;
        const headings = new Map<string, string | null>();
        for (const s of [...older.sheet.sections, ...newer.sheet.sections]) headings.set(s.id, s.heading);
        setDocuments({ state: 'ok', sentences: sentenceChanges(older.sheet, newer.sheet), headings });
      },
      (err: unknown) => {
        if (current) setDocuments({ state: 'unavailable', detail: problemText(err).detail });
      },
    );
    return () => {
      current = false;
    };
  }, [sheetId, from, to]);
  return documents;
}

/** Only `from` and `to` go to the API; either may be absent (the API's defaults: latest and the one before). */
function diffPath(sheetId: string, query: URLSearchParams): string {
  const search = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const value = query.get(name);
    if (value !== null) search.set(name, value);
  }
  const qs = search.toString();
  return `${sheetPath(sheetId, 'diff')}${qs ? `?${qs}` : ''}`;
}

export function DiffPage({ params, query }: PageProps) {
  const sheetId = params.id ?? '';
  const loaded = useApi<Diff>(diffPath(sheetId, query));
  const diff = loaded.data;
  usePageTitle(diff ? `${sheetId}: revision ${diff.from} → ${diff.to}` : `Diff of ${sheetId}`);
  const documents = useDocuments(sheetId, diff);

  const back = <a href={revisionsHref(sheetId)}>All revisions of {sheetId}</a>;
  if (loaded.state === 'loading') return <p aria-busy="true">Loading the diff…</p>;
  if (loaded.state === 'failed') {
    return (
      <>
        <h1>Diff of {sheetId}</h1>
        <ProblemView problem={loaded.error} context="Loading the diff" />
        <p>{back}</p>
      </>
    );
  }
  const { from, to } = loaded.data;
  return (
    <div class="diff-page">
      <h1>
        <a href={href('sheets', sheetId)}>{sheetId}</a>: revision {from} → {to}
      </h1>
      <nav aria-label="Other revisions" class="diff-nav">
        {back}
        {from > 1 && (
          <a href={diffHref(sheetId, from - 1, from)}>
            Previous diff ({from - 1} → {from})
          </a>
        )}
      </nav>
      {documents.state === 'loading' && <p aria-busy="true">Comparing sentences…</p>}
      {documents.state === 'unavailable' && (
        <p>The changed sentences are not shown: the revisions could not be read ({documents.detail}).</p>
      )}
      <DiffView
        sheetId={sheetId}
        diff={loaded.data}
        sentences={documents.state === 'ok' ? documents.sentences : undefined}
        headings={documents.state === 'ok' ? documents.headings : undefined}
      />
    </div>
  );
}
