/**
 * Shared helpers for `npm run bench`: repeated timing, medians and percentiles, and one table format.
 * Every benchmark reports a baseline measured in the same run so ratios survive a noisy machine.
 */
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  name: string;
  /** Column name → printed value (already formatted). */
  values: Record<string, string | number>;
}

export interface BenchResult {
  title: string;
  rows: BenchRow[];
  notes?: string[];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs `fn` `runs` times after `warmup` calls; returns the wall time of each run in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function fmt(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value.toFixed(digits);
}

export function printTable(result: BenchResult): void {
  const columns = [...new Set(result.rows.flatMap((row) => Object.keys(row.values)))];
  const header = ['', ...columns];
  const body = result.rows.map((row) => [row.name, ...columns.map((c) => String(row.values[c] ?? ''))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n### ${result.title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
  for (const note of result.notes ?? []) console.log(`\n${note}`);
}
