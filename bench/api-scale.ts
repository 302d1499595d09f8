/**
 * `npm run bench -- api-scale` (and part of `api`): reads when the sheets no longer fit one hot entry.
 * A DATA_DIR is filled with N sheets (default 3,000, `BENCH_API_SHEETS`; bench/api-scale-seed.ts publishes
 * them straight through the store), the local runtime is started on it in its own process, and autocannon
 * in another process reads one sheet over and over, then a uniformly random sheet per request: three runs
 * of each per connection count (`BENCH_API_SCALE_RUNS`), the table shows their medians.
 * Goal: random GET /sheets/{id} ≥ 50% of the rate for one cached sheet.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  autocannon,
  DURATION_S,
  jsonRuns,
  type Run,
  spawnUntil,
  startRuntimeChild,
  stop,
  waitFor,
} from './api-processes';
import { scaleSheetId } from './api-scale-seed';
import { type BenchResult, type BenchRow, fmt, median } from './harness';

const SHEETS = Number(process.env.BENCH_API_SHEETS ?? 3000);
const PREFIX = 'scale-';
const CONNECTIONS = [10, 50];
const RUNS = Number(process.env.BENCH_API_SCALE_RUNS ?? 3);

/**
 * Random reads in their own process (bench/api-random-load.ts): 5 s of warm-up, then RUNS runs, all back to
 * back, in autocannon's result shape.
 */
function randomReads(base: string, connections: number): Promise<Run[]> {
  const args = ['tsx', 'bench/api-random-load.ts', base, PREFIX, String(SHEETS), String(connections)];
  return jsonRuns([...args, String(DURATION_S), '5', String(RUNS)], 'random reads', 'inherit');
}

/** GET /sheets/{id} of every seeded sheet once, 10 at a time. */
async function readEverySheet(base: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < SHEETS; i = next++) {
      const res = await fetch(`${base}/sheets/${scaleSheetId(PREFIX, i)}`);
      await res.arrayBuffer();
      if (res.status !== 200)
        throw new Error(`warm-up: /sheets/${scaleSheetId(PREFIX, i)} answered ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

function row(name: string, runs: readonly Run[], baseline: readonly Run[]): BenchRow {
  const rps = median(runs.map((r) => r.rps));
  return {
    name,
    values: {
      'req/s': fmt(rps),
      'p50 ms': fmt(median(runs.map((r) => r.p50))),
      'p99 ms': fmt(median(runs.map((r) => r.p99))),
      'req/s ÷ one cached sheet': fmt(rps / median(baseline.map((r) => r.rps))),
      'each run ÷ one cached sheet': runs
        .map((r) => fmt(r.rps / median(baseline.map((b) => b.rps))))
        .join(' '),
    },
  };
}

export async function run(): Promise<BenchResult> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'bench-api-scale-')), 'data');
  const children: ChildProcess[] = [];
  try {
    console.error(`api-scale: publishing ${SHEETS} sheets…`);
    const seeded = await spawnUntil(
      'npx',
      ['tsx', 'bench/api-scale-seed.ts', dataDir, String(SHEETS), PREFIX],
      { POWERTOOLS_LOG_LEVEL: 'ERROR' },
      /^SEEDED /,
      // Thousands of publishes: minutes on a loaded machine.
      30 * 60_000,
    );
    const { seconds: seedSeconds } = JSON.parse(seeded.line.slice('SEEDED '.length)) as { seconds: number };
    await new Promise((done) =>
      seeded.child.exitCode === null ? seeded.child.once('exit', done) : done(null),
    );

    const runtime = await startRuntimeChild(dataDir);
    children.push(runtime.child);
    const { base } = runtime;
    const one = `${base}/sheets/${scaleSheetId(PREFIX, 0)}`;
    await waitFor(one);

    const rows: BenchRow[] = [];
    const notes: string[] = [];
    for (const connections of CONNECTIONS) {
      await autocannon(one, connections, ['-d', '2']).catch(() => null);
      const cached: Run[] = [];
      for (let i = 0; i < RUNS; i++) cached.push(await autocannon(one, connections));
      // Warm-up, not measured: every sheet read once (as a long-running API would have), then random reads.
      // The random runs follow each other: a cached run between them would let every other sheet expire.
      await readEverySheet(base);
      const random = await randomReads(base, connections);
      rows.push(row(`GET /sheets/{id}, one cached sheet @${connections}`, cached, cached));
      rows.push(row(`random GET /sheets/{id} over ${SHEETS} sheets @${connections}`, random, cached));
      for (const [name, runs] of [
        ['one sheet', cached],
        ['random', random],
      ] as const) {
        for (const r of runs) {
          if (r.non2xx > 0 || r.errors > 0)
            notes.push(`${name} @${connections}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        }
      }
    }
    notes.push(
      `${SHEETS} sheets (the Mali seed with a line of its own each) published straight through the store in ${fmt(seedSeconds)} s, then the runtime (infra/local/main.ts) started on that DATA_DIR; ${RUNS} runs of ${DURATION_S} s each (medians shown), the random ones back to back after a warm-up (every sheet read once, then 5 s of random reads). Goal: random ≥ 50% of one cached sheet's req/s.`,
    );
    return { title: `API reads at scale: ${SHEETS} sheets (autocannon, separate processes)`, rows, notes };
  } finally {
    await Promise.all(children.map(stop));
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
}
