/**
 * `npx tsx scripts/asset-report.ts [--out DIR] [--no-synth]`: synthesizes the stack with real bundling
 * (into cdk.out unless --out), then prints each function's bundle size and the cold import time of the
 * bundle (`require` in a fresh node process, median of 10; also with --enable-source-maps, which the
 * functions run with on Lambda).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fmt, median, printTable } from '../bench/harness';
import { coldImportMs, functionAssets, missingEntries, synthesize } from '../infra/assets';
import { PROJECT_ROOT } from '../infra/constructs/paths';

const RUNS = 10;
/** Goals from the issue (minified bundle, KB). */
const GOALS: Record<string, number> = { api: 250, ingest: 600 };

async function importMedian(bundle: string, nodeOptions = ''): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await coldImportMs(bundle, nodeOptions));
  return median(samples);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outdir = path.resolve(
    outIndex >= 0 ? (args[outIndex + 1] ?? 'cdk.out') : path.join(PROJECT_ROOT, 'cdk.out'),
  );
  if (!args.includes('--no-synth')) {
    const missing = missingEntries();
    if (missing.length > 0) throw new Error(`handler entries missing: ${missing.join(', ')}`);
    console.error(`synthesizing into ${outdir}…`);
    await synthesize(outdir);
  }
  const rows = [];
  for (const asset of functionAssets(outdir)) {
    const goal = GOALS[asset.name];
    const kb = asset.bundleBytes / 1024;
    rows.push({
      name: asset.name,
      values: {
        'bundle KB': fmt(kb, 1),
        goal: goal === undefined ? '' : `≤ ${goal}${kb <= goal ? ' ✓' : ' ✗'}`,
        'map KB': fmt(asset.mapBytes / 1024, 1),
        'import ms (median)': fmt(await importMedian(asset.bundle)),
        'import ms, source maps': fmt(await importMedian(asset.bundle, '--enable-source-maps')),
      },
    });
  }
  // The SDK clients every handler loads (external to the bundles): what a bundle's import costs on top.
  const baseline = path.join(mkdtempSync(path.join(tmpdir(), 'asset-report-')), 'sdk.js');
  writeFileSync(
    baseline,
    ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-s3']
      .map((m) => `require('${m}');`)
      .join(''),
  );
  rows.push({
    name: 'baseline: AWS SDK clients only',
    values: { 'import ms (median)': fmt(await importMedian(baseline)) },
  });
  printTable({
    title: 'Lambda bundles (esbuild, minified, @aws-sdk external)',
    rows,
    notes: [
      `Cold import: require(bundle) in a fresh node ${process.version} process, median of ${RUNS}; AWS SDK loaded from node_modules.`,
      `Load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} on this machine; compare rows within one run, not across machines.`,
    ],
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
