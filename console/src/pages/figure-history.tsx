/** `#/sheets/{id}/figures/{key}`: one figure's values over the revisions, as a chart and a table. */
import { Chart } from '../components/chart';
import { ProblemView } from '../components/problem';
import type { FigureHistory, FigureHistoryEntry } from './api-types';
import { diffHref, formatValue } from './figure-format';
import { enc, formatTime, useApi } from './use-api';

interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

const CHANGE_LABEL: Record<FigureHistoryEntry['change'], string> = {
  added: 'added',
  changed: 'changed',
  unchanged: 'unchanged',
  removed: 'removed (last value shown)',
};

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
            <td class="value">
              {entry.qualifier ? `${entry.qualifier} ` : ''}
              {formatValue(entry.value, entry.unit)}
            </td>
            <td>{entry.text}</td>
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
  const { loaded } = useApi<FigureHistory>(`/sheets/${enc(sheetId)}/figures/${enc(key)}/history`);
  const heading = (
    <h1>
      Figure {key} of <a href={`#/sheets/${enc(sheetId)}`}>{sheetId}</a>
    </h1>
  );
  if (loaded.state === 'loading') return <p aria-busy="true">Loading the figure’s history…</p>;
  if (loaded.state === 'failed') {
    return (
      <div>
        {heading}
        <ProblemView problem={loaded.problem} />
      </div>
    );
  }
  const { items } = loaded.data;
  const last = items.at(-1);
  // A removed entry repeats the last value: charting it would draw a value the sheet no longer states.
  const points = items
    .filter((e) => e.change !== 'removed' && typeof e.value === 'number')
    .map((e) => ({ label: `r${e.revision}`, value: e.value as number }));
  return (
    <div class="figure-history-page">
      {heading}
      {last && (
        <p class="figure-now">
          {last.change === 'removed'
            ? `Removed in revision ${last.revision}; it last read “${last.text}”.`
            : `Now “${last.text}” (${formatValue(last.value, last.unit)}), in revision ${last.revision}.`}
        </p>
      )}
      {points.length > 0 ? (
        <Chart
          title={`Figure ${key} by revision`}
          data={points}
          type="line"
          unit={last?.unit}
        />
      ) : (
        <p>This figure’s value is not a number: see the table.</p>
      )}
      <HistoryTable sheetId={sheetId} items={items} />
      <p>
        <a href={`#/sheets/${enc(sheetId)}/revisions`}>All revisions of {sheetId}</a>
      </p>
    </div>
  );
}
