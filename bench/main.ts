/**
 * `npm run bench [-- NAME… [--flag value…]]`: runs the named benchmarks (all but soak when none is named)
 * and prints one table each.
 * Each bench/NAME.ts exports `run(): Promise<BenchResult>`.
 */
import { type BenchResult, printTable } from './harness';

const benches: Record<string, () => Promise<{ run: () => Promise<BenchResult | BenchResult[]> }>> = {
  parse: () => import('./parse.js'),
  ingest: () => import('./ingest.js'),
  api: () => import('./api.js'),
  'api-figures': () => import('./api-figures.js'),
  'api-scale': () => import('./api-scale.js'),
  start: () => import('./start.js'),
  refresh: () => import('./refresh.js'),
  soak: () => import('./soak.js'),
  notify: () => import('./notify.js'),
  'ingest-dense': () => import('./ingest-dense.js'),
  console: () => import('./console.js'),
};

async function main(): Promise<void> {
  // `--flag value` pairs belong to the benchmark (bench/soak.ts reads them from process.argv).
  const requested = process.argv
    .slice(2)
    .filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const unknown = requested.filter((name) => !(name in benches));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
    process.exit(2);
  }
  // The soak runs for minutes: only when asked for.
  const all = Object.keys(benches).filter((name) => name !== 'soak');
  for (const name of requested.length > 0 ? requested : all) {
    console.error(`running ${name}…`);
    const mod = await benches[name]!();
    const results = await mod.run();
    for (const result of Array.isArray(results) ? results : [results]) printTable(result);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
