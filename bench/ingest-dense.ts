/**
 * `npm run bench -- ingest-dense`: dense documents (a figure every ~30 characters) of 10 KB, 100 KB, 1 MB and
 * 2 MB through the real ingest handler on in-process emulators, each upload in a fresh child process so
 * its peak RSS is its own (bench/ingest-dense-child.ts). Median of 3 per size; the seed-sized document is
 * the baseline, and "ms per MB" staying flat is what linear means. Over the figure limit (20,000) the
 * upload ends as a `too-many-figures` rejection: that path is timed too.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchResult, fmt, median } from './harness';

const run = promisify(execFile);
const SIZES: [string, number][] = [
  ['12 KB (seed size, baseline)', 12_302],
  ['10 KB', 10_000],
  ['100 KB', 100_000],
  ['1 MB', 1_000_000],
  ['2 MB', 2_000_000],
];
const RUNS = 3;

interface ChildResult {
  bytes: number;
  ms: number;
  status?: string;
  reason?: string;
  figures: number;
  rssBefore: number;
  peakRss: number;
}

async function once(bytes: number): Promise<ChildResult> {
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const { stdout } = await run(tsx, [join(__dirname, 'ingest-dense-child.ts'), String(bytes)], {
    env: { ...process.env, NODE_OPTIONS: '--expose-gc' },
    maxBuffer: 1024 * 1024,
    timeout: 300_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

export async function run_(): Promise<BenchResult> {
  const rows = [];
  let baseline = Number.NaN;
  for (const [name, bytes] of SIZES) {
    const results: ChildResult[] = [];
    for (let i = 0; i < RUNS; i++) results.push(await once(bytes));
    const ms = median(results.map((r) => r.ms));
    const mb = (results[0]?.bytes ?? bytes) / 1e6;
    if (Number.isNaN(baseline)) baseline = ms / mb;
    const last = results[results.length - 1]!;
    rows.push({
      name,
      values: {
        'median ms': fmt(ms),
        'ms per MB': fmt(ms / mb),
        'ms per MB ÷ baseline': fmt(ms / mb / baseline),
        'peak RSS MB': fmt(median(results.map((r) => r.peakRss)) / 2 ** 20, 0),
        'RSS before MB': fmt(median(results.map((r) => r.rssBefore)) / 2 ** 20, 0),
        outcome:
          last.status === 'published'
            ? `published, ${last.figures} figures`
            : `${last.status} ${last.reason ?? ''}`,
      },
    });
  }
  return {
    title: `Ingest of dense documents (handler time, fresh process each; median of ${RUNS})`,
    rows,
    notes: [
      'Each document repeats "In FY 2020, the United States provided $5 million …, or 12 percent …" (3 figures per 96 bytes).',
      'Peak RSS includes the in-process emulators; "RSS before" is the process just before the handler runs.',
    ],
  };
}

export { run_ as run };
