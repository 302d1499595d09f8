/**
 * `#/sheets/{id}/diff?from=N&to=M`: what changed between two revisions. The figures and sections come from
 * the diff route; the changed sentences from the two revision documents, compared here.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api';
import { ProblemView } from '../components/problem';
import type { Diff, Revision } from './api-types';
import { DiffView } from './diff-view';
import { diffHref } from './figure-format';
import { type SectionSentenceChanges, sentenceChanges } from './sentence-diff';
import { enc, useApi } from './use-api';

interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

type Documents =
  | { state: 'loading' }
  | { state: 'ok'; sentences: SectionSentenceChanges[]; headings: Map<string, string | null> }
  | { state: 'unavailable'; detail: string };

function useDocuments(sheetId: string, diff: Diff | null): Documents {
  const [documents, setDocuments] = useState<Documents>({ state: 'loading' });
  const from = diff?.from;
  const to = diff?.to;
  useEffect(() => {
    if (from === undefined || to === undefined) return;
    let current = true;
    setDocuments({ state: 'loading' });
    const base = `/sheets/${enc(sheetId)}/revisions`;
    Promise.all([apiGet<Revision>(`${base}/${from}`), apiGet<Revision>(`${base}/${to}`)]).then(
      ([older, newer]) => {
        if (!current) return;
        const headings = new Map<string, string | null>();
        for (const s of [...older.sheet.sections, ...newer.sheet.sections]) headings.set(s.id, s.heading);
        setDocuments({ state: 'ok', sentences: sentenceChanges(older.sheet, newer.sheet), headings });
      },
      (err: unknown) => {
        if (current) setDocuments({ state: 'unavailable', detail: String((err as Error).message ?? err) });
      },
    );
    return () => {
      current = false;
    };
  }, [sheetId, from, to]);
  return documents;
}

export function DiffPage({ params, query }: PageProps) {
  const sheetId = params.id ?? '';
  const search = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const value = query.get(name);
    if (value !== null) search.set(name, value);
  }
  const qs = search.toString();
  const { loaded } = useApi<Diff>(`/sheets/${enc(sheetId)}/diff${qs ? `?${qs}` : ''}`);
  const documents = useDocuments(sheetId, loaded.state === 'ok' ? loaded.data : null);

  const back = (
    <p>
      <a href={`#/sheets/${enc(sheetId)}/revisions`}>All revisions of {sheetId}</a>
    </p>
  );
  if (loaded.state === 'loading') return <p aria-busy="true">Loading the diff…</p>;
  if (loaded.state === 'failed') {
    return (
      <div>
        <h1>Diff of {sheetId}</h1>
        <ProblemView problem={loaded.problem} />
        {back}
      </div>
    );
  }
  const diff = loaded.data;
  return (
    <div class="diff-page">
      <h1>
        {sheetId}: revision {diff.from} → {diff.to}
      </h1>
      <nav aria-label="Neighbouring diffs" class="diff-nav">
        {back}
        {diff.from > 1 && <a href={diffHref(sheetId, diff.from - 1, diff.from)}>Previous diff</a>}
      </nav>
      {documents.state === 'loading' && <p aria-busy="true">Comparing sentences…</p>}
      {documents.state === 'unavailable' && (
        <p>The changed sentences are not shown: the revisions could not be read ({documents.detail}).</p>
      )}
      <DiffView
        sheetId={sheetId}
        diff={diff}
        sentences={documents.state === 'ok' ? documents.sentences : undefined}
        headings={documents.state === 'ok' ? documents.headings : undefined}
      />
    </div>
  );
}
