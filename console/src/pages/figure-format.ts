/** How a figure's value reads on the pages: the normalized value with its unit, for comparison. */
import type { FigureValue } from './api-types';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatValue(value: FigureValue, unit?: string): string {
  if (typeof value !== 'number') return unit ? `${value} ${unit}` : value;
  if (unit === 'USD') return `$${NUMBER.format(value)}`;
  if (unit === '%') return `${NUMBER.format(value)}%`;
  return unit ? `${NUMBER.format(value)} ${unit}` : NUMBER.format(value);
}

/** The link of a figure's history page. */
export function historyHref(sheetId: string, key: string): string {
  return `#/sheets/${encodeURIComponent(sheetId)}/figures/${encodeURIComponent(key)}`;
}

export function diffHref(sheetId: string, from: number, to: number): string {
  return `#/sheets/${encodeURIComponent(sheetId)}/diff?from=${from}&to=${to}`;
}
