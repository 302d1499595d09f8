/**
 * One sheet: its sections as text with every figure highlighted by kind (filterable), a chart of its money
 * figures by fiscal year, the source registered for it, and links to its revisions, upload and histories.
 */
import { useMemo, useState } from 'preact/hooks';
import { FailureBadge } from '../components/failure-badge';
import { KIND_LABELS } from '../components/figure-text';
import { ProblemView } from '../components/problem';
import { formatTime } from '../format';
import { href } from '../router';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import type { Figure, FigureKind, Source } from '../types';
import { MoneyChart } from './money-chart';
import { useSheetData } from './sheet-data';
import { SectionText } from './sheet-text';
import { uploadFailure } from './sheets';

const KINDS = Object.keys(KIND_LABELS) as FigureKind[];

function KindFilter({
  figures,
  kinds,
  onChange,
}: {
  figures: readonly Figure[];
  kinds: ReadonlySet<FigureKind>;
  onChange: (kinds: Set<FigureKind>) => void;
}) {
  const counts = new Map<FigureKind, number>();
  for (const f of figures) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return (
    <fieldset class="kind-filter">
      <legend>Highlight figures of kind</legend>
      {KINDS.map((kind) => (
        <label key={kind} class={`kind-option fig-${kind}`}>
          <input
            type="checkbox"
            checked={kinds.has(kind)}
            onChange={(e) => {
              const next = new Set(kinds);
              if (e.currentTarget.checked) next.add(kind);
              else next.delete(kind);
              onChange(next);
            }}
          />{' '}
          <span class="kind-swatch" aria-hidden="true" /> {KIND_LABELS[kind]} ({counts.get(kind) ?? 0})
        </label>
      ))}
    </fieldset>
  );
}

function SourceView({ source }: { source: Source | null }) {
  if (source === null) {
    return (
      <p>
        No source is registered for this sheet. <a href="#/sources">Register one</a>.
      </p>
    );
  }
  return (
    <dl class="facts">
      <dt>URL</dt>
      <dd>
        <code>{source.url}</code>
      </dd>
      <dt>Refresh</dt>
      <dd>{source.enabled ? 'enabled' : 'paused'}</dd>
      <dt>Last check</dt>
      <dd>
        {source.lastCheckedAt ? formatTime(source.lastCheckedAt) : 'never'}
        {source.lastStatus ? ` — ${source.lastStatus}` : ''}
      </dd>
      {source.lastError ? (
        <>
          <dt>Last error</dt>
          <dd class="error-text">{source.lastError}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function SheetPage({ params }: PageProps) {
  const id = params.id ?? '';
  const data = useSheetData(id);
  const [kinds, setKinds] = useState<Set<FigureKind>>(() => new Set(KINDS));
  const { sheet, figures } = data;
  usePageTitle(sheet?.title ?? sheet?.country ?? id);
  const bySection = useMemo(() => {
    const map = new Map<string, Figure[]>();
    for (const f of figures ?? []) map.set(f.sectionId, [...(map.get(f.sectionId) ?? []), f]);
    return map;
  }, [figures]);

  if (data.sheetError) {
    return (
      <>
        <h1>Sheet {id}</h1>
        <ProblemView problem={data.sheetError} context="Loading the sheet" />
        <p>
          <a href="#/sheets">Back to the sheets</a>
        </p>
      </>
    );
  }
  if (!sheet) {
    return (
      <>
        <h1>Sheet {id}</h1>
        <p aria-live="polite">Loading the sheet…</p>
      </>
    );
  }
  const failure = uploadFailure(sheet);
  return (
    <>
      <h1>{sheet.title ?? sheet.country ?? sheet.id}</h1>
      <p class="sheet-meta">
        {sheet.country ?? 'No country'} · revision {sheet.latestRevision} · last changed{' '}
        <time dateTime={sheet.updatedAt}>{formatTime(sheet.updatedAt)}</time> · {sheet.counts.figures} figures
        in {sheet.counts.sections} sections
        {failure ? (
          <>
            {' '}
            <FailureBadge id="sheet-upload-failure" label="Last upload failed" reason={failure} />
          </>
        ) : null}
      </p>
      <ul class="actions">
        <li>
          <a href={href('sheets', sheet.id, 'revisions')}>Revisions</a>
        </li>
        <li>
          <a href={href('sheets', sheet.id, 'upload')}>Upload a revision</a>
        </li>
      </ul>

      <section aria-labelledby="money-heading">
        <h2 id="money-heading">Money by fiscal year</h2>
        {data.figuresError ? <ProblemView problem={data.figuresError} context="Loading the figures" /> : null}
        {figures ? <MoneyChart figures={figures} /> : data.figuresError ? null : <p>Loading figures…</p>}
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Text</h2>
        <p class="muted">Each highlighted figure shows its value on hover or focus, and opens its history.</p>
        <KindFilter figures={figures ?? []} kinds={kinds} onChange={setKinds} />
        {data.sectionsError ? (
          <ProblemView problem={data.sectionsError} context="Loading the sections" />
        ) : null}
        {!data.sectionList && !data.sectionsError ? <p class="muted">Loading the sections…</p> : null}
        {(data.sectionList ?? []).map((summary) => {
          const section = data.sections.get(summary.id);
          const error = data.sectionErrors.get(summary.id);
          const Heading = `h${Math.min(6, summary.level + 1)}` as 'h3';
          return (
            <section class="sheet-section" key={summary.id} aria-label={summary.heading ?? 'Introduction'}>
              {summary.heading ? <Heading>{summary.heading}</Heading> : null}
              {error ? <ProblemView problem={error} context={`Loading section ${summary.id}`} /> : null}
              {section ? (
                <SectionText
                  sheetId={sheet.id}
                  section={section}
                  figures={bySection.get(summary.id) ?? []}
                  kinds={kinds}
                />
              ) : error ? null : (
                <p class="muted">Loading…</p>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="source-heading">
        <h2 id="source-heading">Source</h2>
        {data.sourceError ? <ProblemView problem={data.sourceError} context="Loading the source" /> : null}
        {data.source !== undefined ? (
          <SourceView source={data.source} />
        ) : data.sourceError ? null : (
          <p>Loading…</p>
        )}
      </section>
    </>
  );
}
