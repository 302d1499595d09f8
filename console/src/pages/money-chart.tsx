/** The sheet's money figures that name a fiscal year, as a bar per figure ordered by year. */
import { Chart, type ChartPoint } from '../components/chart';
import { formatMoneyShort, formatPeriod, formatValue } from '../format';
import type { Figure } from '../types';

function fiscalStart(figure: Figure): number | undefined {
  const period = figure.period;
  if (!period) return undefined;
  if ('fiscalYear' in period) return period.fiscalYear;
  if ('fiscalYearFrom' in period) return period.fiscalYearFrom;
  return undefined;
}

export function moneyByFiscalYear(figures: readonly Figure[]): {
  points: ChartPoint[];
  unit?: string;
  other: number;
} {
  const money = figures.filter(
    (f) => f.kind === 'money' && typeof f.value === 'number' && fiscalStart(f) !== undefined,
  );
  // One currency per chart: the most frequent one (bars in different currencies are not comparable).
  const byUnit = new Map<string, number>();
  for (const f of money) byUnit.set(f.unit ?? '', (byUnit.get(f.unit ?? '') ?? 0) + 1);
  const unit = [...byUnit.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const charted = money
    .filter((f) => (f.unit ?? '') === unit)
    .sort((a, b) => fiscalStart(a)! - fiscalStart(b)! || a.start - b.start);
  return {
    unit: unit || undefined,
    other: money.length - charted.length,
    points: charted.map((f) => ({
      label: formatPeriod(f.period) ?? '',
      value: f.value as number,
      display: formatMoneyShort(f.value as number, f.unit),
      note: `${formatValue(f)}: ${f.sentence}`,
    })),
  };
}

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
