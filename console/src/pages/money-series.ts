/** The sheet's money figures that name a fiscal year, one chart point each, ordered by year. */
import type { ChartPoint } from '../components/chart-point';
import { formatMoneyShort, formatPeriod, formatValue } from '../format';
import type { Figure } from '../types';

function fiscalStart(figure: Figure): number | undefined {
  const period = figure.period;
  if (!period) return undefined;
  if ('fiscalYear' in period) return period.fiscalYear;
  if ('fiscalYearFrom' in period) return period.fiscalYearFrom;
  return undefined;
}

export interface MoneySeries {
  points: ChartPoint[];
  /** The one currency charted: the most frequent one (bars in different currencies do not compare). */
  unit?: string;
  /** Money figures with a fiscal year in other currencies, left out. */
  other: number;
}

export function moneyByFiscalYear(figures: readonly Figure[]): MoneySeries {
  const money = figures.filter(
    (f) => f.kind === 'money' && typeof f.value === 'number' && fiscalStart(f) !== undefined,
  );
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
