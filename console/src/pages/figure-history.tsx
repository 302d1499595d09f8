/** `#/sheets/{id}/figures/{key}`: one figure's values over the revisions, as a chart and a table. */
import { Chart } from '../components/chart';
import { ProblemView } from '../components/problem';
import { formatMoneyShort, formatNumber, formatPeriod, formatTime } from '../format';
import { href } from '../router';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import type { FigureHistory, FigureHistoryEntry } from './api-types';
import { diffHref, revisionsHref, sheetPath } from './links';
import { useFreshApi } from './use-fresh-api';

const CHANGE_LABEL: Record<FigureHistoryEntry['change'], string> = {
  added: 'added',
  changed: 'changed',
  unchanged: 'unchanged',
  removed: 'removed (last value shown)',
};

/** The value with its unit (the history names no kind: the unit says enough). */
function valueText(entry: FigureHistoryEntry): string {
  const value = typeof entry.value === 'number' ? formatNumber(entry.value) : entry.value;
  const unit = entry.unit ? ` ${entry.unit}` : '';
  return `${entry.qualifier ? `${entry.qualifier} ` : ''}${value}${unit}`;
}

function HistoryTable({ sheetId, items }: { sheetId: string; items: FigureHistoryEntry[] }) {
  return (
    <table class="history">
      <caption>Values by revision</caption>
      <thead>
        <tr>
          <th scope="col">Revision</th>
          <th scope="col">Published</th>
          <th scope="col">Change</th>
          <th scope="col">Value</th>
          <th scope="col">As written</th>
          <th scope="col">Period</th>
          <th scope="col">Sentence</th>
        </tr>
      </thead>
      <tbody>
        {items.map((entry) => (
          <tr key={`${entry.revision}-${entry.change}`} data-revision={entry.revision}>
            <th scope="row">
              {entry.revision > 1 && entry.change !== 'unchanged' ? (
                <a href={diffHref(sheetId, entry.revision - 1, entry.revision)}>
                  {entry.revision}
                  <span class="visually-hidden"> (diff with revision {entry.revision - 1})</span>
                </a>
              ) : (
                entry.revision
              )}
            </th>
            <td>{formatTime(entry.publishedAt)}</td>
            <td>{CHANGE_LABEL[entry.change]}</td>
            <td class="value">{valueText(entry)}</td>
            <td>{entry.text}</td>
            <td>{formatPeriod(entry.period) ?? ''}</td>
            <td class="sentence">{entry.sentence}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FigureHistoryPage({ params }: PageProps) {
  const sheetId = params.id ?? '';
  const key = params.key ?? '';
  usePageTitle(`Figure ${key} of ${sheetId}`);
  const loaded = useFreshApi<FigureHistory>(sheetPath(sheetId, 'figures', key, 'history'));
  const heading = (
    <h1>
      Figure {key} of <a href={href('sheets', sheetId)}>{sheetId}</a>
    </h1>
  );
  if (loaded.state === 'loading') return <p aria-busy="true">Loading the figure’s history…</p>;
  if (loaded.state === 'failed') {
    return (
      <>
        {heading}
        <ProblemView problem={loaded.error} context="Loading the figure’s history" />
      </>
    );
  }
  const { items } = loaded.data;
  const last = items.at(-1);
  // A removed entry repeats the last value: charting it would draw a value the sheet no longer states.
  const points = items
    .filter((e) => e.change !== 'removed' && typeof e.value === 'number')
    .map((e) => {
      const value = e.value as number;
      const display = e.unit === 'USD' ? formatMoneyShort(value, e.unit) : valueText(e);
      return { label: `rev ${e.revision}`, value, display, note: e.text };
    });
  return (
    <div class="figure-history-page">
      {heading}
      {last && (
        <p class="figure-now">
          {last.change === 'removed'
            ? `Removed in revision ${last.revision}; it last read “${last.text}”.`
            : `Now “${last.text}” (${valueText(last)}), in revision ${last.revision}.`}
        </p>
      )}
      {points.length > 0 ? (
        <Chart
          title={`Figure ${key} by revision`}
          points={points}
          kind="line"
          xLabel="Revision"
          valueLabel="Value"
          noteLabel="As written"
          idPrefix="figure-history"
        />
      ) : (
        <p>This figure’s value is not a number: see the table.</p>
      )}
      <HistoryTable sheetId={sheetId} items={items} />
      <p>
        <a href={revisionsHref(sheetId)}>All revisions of {sheetId}</a>
      </p>
    </div>
  );
}
