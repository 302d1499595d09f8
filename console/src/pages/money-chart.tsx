/** The sheet's money figures that name a fiscal year, as a bar per figure ordered by year. */
import { Chart } from '../components/chart';
import type { Figure } from '../types';
import { moneyByFiscalYear } from './money-series';

export function MoneyChart({ figures }: { figures: readonly Figure[] }) {
  const { points, unit, other } = moneyByFiscalYear(figures);
  if (points.length === 0) return <p class="muted">This sheet has no money figure tied to a fiscal year.</p>;
  return (
    <>
      <Chart
        title={`Money figures by fiscal year${unit ? ` (${unit})` : ''}`}
        points={points}
        idPrefix="money-chart"
        xLabel="Fiscal year"
        valueLabel="Amount"
        noteLabel="Figure and sentence"
      />
      {other > 0 ? <p class="muted">{other} money figures in other currencies are not charted.</p> : null}
    </>
  );
}
