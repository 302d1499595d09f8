/** How values read in the console: figures, times, periods. */
import type { Figure, Period } from './types';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** `2022-03-01T10:00:00.000Z` → `1 Mar 2022, 10:00 UTC` (UTC: the same on every editor's machine). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })} UTC`;
}

export function formatPeriod(period: Period | undefined): string | undefined {
  if (!period) return undefined;
  if ('fiscalYear' in period) return `FY ${period.fiscalYear}`;
  if ('fiscalYearFrom' in period) return `FY ${period.fiscalYearFrom}–${period.fiscalYearTo}`;
  return `${period.from} to ${period.to}`;
}

/** A figure's value with its unit: `200,000,000 USD`, `45 %`, `2019-05`. */
export function formatValue(figure: Pick<Figure, 'kind' | 'value' | 'unit' | 'to'>): string {
  const value = typeof figure.value === 'number' ? formatNumber(figure.value) : figure.value;
  const range = figure.to ? `${value} to ${figure.to}` : value;
  return figure.unit ? `${range} ${figure.unit}` : range;
}

/** Money in short form for chart labels: `$200M`, `€1.5B`. */
export function formatMoneyShort(value: number, unit: string | undefined): string {
  const symbol = unit === 'USD' ? '$' : unit === 'EUR' ? '€' : unit === 'GBP' ? '£' : '';
  const suffix = symbol ? '' : unit ? ` ${unit}` : '';
  const abs = Math.abs(value);
  const [scaled, letter] =
    abs >= 1e12
      ? [value / 1e12, 'T']
      : abs >= 1e9
        ? [value / 1e9, 'B']
        : abs >= 1e6
          ? [value / 1e6, 'M']
          : abs >= 1e3
            ? [value / 1e3, 'K']
            : [value, ''];
  return `${symbol}${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(scaled)}${letter}${suffix}`;
}
