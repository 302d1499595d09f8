/**
 * `npm run bench [-- NAME…]`: runs the named benchmarks (all when none is named) and prints one table each.
 * Each bench/NAME.ts exports `run(): Promise<BenchResult>`.
 */
import { type BenchResult, printTable } from './harness';

const benches: Record<string, () => Promise<{ run: () => Promise<BenchResult | BenchResult[]> }>> = {
  parse: () => import('./parse.js'),
  ingest: () => import('./ingest.js'),
  api: () => import('./api.js'),
  start: () => import('./start.js'),
  refresh: () => import('./refresh.js'),
  notify: () => import('./notify.js'),
};

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in benches));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
    process.exit(2);
  }
  for (const name of requested.length > 0 ? requested : Object.keys(benches)) {
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
