/**
 * `#/sheets/{id}/revisions`: the sheet's revisions newest first, with what each changed against the one
 * before; selecting any two opens their diff.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api';
import { ProblemView } from '../components/problem';
import { formatTime } from '../format';
import { href } from '../router';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import type { Diff, RevisionHeader, RevisionList } from './api-types';
import { diffHref, sheetPath } from './links';
import { useFreshApi } from './use-fresh-api';

function changeCounts(diff: Diff | null, first: boolean): string {
  if (!diff) return first ? 'first revision' : '—';
  const f = diff.figures;
  if (diff.figuresOmitted) return 'figures: too many to list';
  return `+${f.added.length} −${f.removed.length} ~${f.changed.length}`;
}

function sectionCounts(diff: Diff | null): string {
  if (!diff) return '—';
  const s = diff.sections;
  return `+${s.added.length} −${s.removed.length} ~${s.changed.length}`;
}

function Row({
  sheetId,
  header,
  selected,
  onToggle,
}: {
  sheetId: string;
  header: RevisionHeader;
  selected: boolean;
  onToggle: (revision: number) => void;
}) {
  const n = header.revision;
  return (
    <tr data-revision={n}>
      <td>
        <input
          type="checkbox"
          id={`pick-${n}`}
          checked={selected}
          onChange={() => onToggle(n)}
          aria-label={`Select revision ${n} to compare`}
        />
      </td>
      <th scope="row">{n}</th>
      <td>{formatTime(header.createdAt)}</td>
      <td>{header.reason}</td>
      <td>{changeCounts(header.diff, n === 1)}</td>
      <td>{sectionCounts(header.diff)}</td>
      <td>
        {header.counts.sections} / {header.counts.figures}
      </td>
      <td>
        {n > 1 ? (
          <a href={diffHref(sheetId, n - 1, n)}>
            Diff {n - 1} → {n}
          </a>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}

export function RevisionsPage({ params }: PageProps) {
  const sheetId = params.id ?? '';
  usePageTitle(`Revisions of ${sheetId}`);
  const loaded = useFreshApi<RevisionList>(`${sheetPath(sheetId, 'revisions')}?limit=100`);
  const [more, setMore] = useState<RevisionHeader[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [moreProblem, setMoreProblem] = useState<unknown>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const first = loaded.data;

  useEffect(() => {
    setMore([]);
    setCursor(first?.nextCursor);
  }, [first]);

  const title = (
    <h1>
      Revisions of <a href={href('sheets', sheetId)}>{sheetId}</a>
    </h1>
  );
  if (loaded.state === 'loading') return <p aria-busy="true">Loading revisions…</p>;
  if (loaded.state === 'failed') {
    return (
      <>
        {title}
        <ProblemView problem={loaded.error} context="Loading the revisions" />
      </>
    );
  }

  const items = [...loaded.data.items, ...more];
  const toggle = (revision: number) =>
    setPicked((now) =>
      now.includes(revision) ? now.filter((r) => r !== revision) : [...now, revision].slice(-2),
    );
  const loadOlder = () => {
    if (!cursor) return;
    const path = `${sheetPath(sheetId, 'revisions')}?limit=100&cursor=${encodeURIComponent(cursor)}`;
    apiGet<RevisionList>(path).then(
      (page) => {
        setMore((now) => [...now, ...page.items]);
        setCursor(page.nextCursor);
      },
      (err: unknown) => setMoreProblem(err),
    );
  };
  const [from, to] = [...picked].sort((a, b) => a - b);

  return (
    <div class="revisions-page">
      {title}
      <p>
        Figures and sections columns count what each revision added (+), removed (−) and changed (~) against
        the revision before it. Select two revisions to compare them.
      </p>
      <div class="compare-bar" aria-live="polite">
        {from !== undefined && to !== undefined ? (
          <a class="button" href={diffHref(sheetId, from, to)}>
            Compare revision {from} → {to}
          </a>
        ) : (
          <span>
            {picked.length === 1 ? 'Select one more revision.' : 'Select two revisions to compare.'}
          </span>
        )}
      </div>
      <table class="timeline">
        <caption class="visually-hidden">Revisions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Select</th>
            <th scope="col">Revision</th>
            <th scope="col">Published</th>
            <th scope="col">Reason</th>
            <th scope="col">Figures + − ~</th>
            <th scope="col">Sections + − ~</th>
            <th scope="col">Sections / figures</th>
            <th scope="col">Diff</th>
          </tr>
        </thead>
        <tbody>
          {items.map((header) => (
            <Row
              key={header.revision}
              sheetId={sheetId}
              header={header}
              selected={picked.includes(header.revision)}
              onToggle={toggle}
            />
          ))}
        </tbody>
      </table>
      {cursor && (
        <button type="button" onClick={loadOlder}>
          Load older revisions
        </button>
      )}
      {moreProblem !== null && <ProblemView problem={moreProblem} context="Loading older revisions" />}
    </div>
  );
}
