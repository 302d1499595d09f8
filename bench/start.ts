/**
 * `npm run bench -- start`: `npm start` to its ready line (fresh temp DATA_DIR each run: emulators, table,
 * bucket, token, seeding and ingest of the Mali sheet included; median of 5), and the cold import time of
 * each handler module in a fresh node process (median of 10), both from source through tsx (what
 * `npm start` runs) and from an esbuild bundle (what Lambda runs, bundled like the CDK NodejsFunction).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { type FunctionName, functions } from '../shared/topology';
import { type BenchResult, fmt, median } from './harness';

const ROOT = join(__dirname, '..');
const START_RUNS = 5;
const IMPORT_RUNS = 10;

function stopGroup(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    proc.once('exit', () => resolve());
    // npm → sh → node: signal the whole group this bench started (detached), by its id.
    process.kill(-proc.pid!, 'SIGTERM');
  });
}

/** Milliseconds from spawning `npm start` to its ready line. */
async function timeStart(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const t0 = performance.now();
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, REFRESH_RATE: '0', API_TOKEN: '' },
  });
  let output = '';
  try {
    return await new Promise<number>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (/^Ready: API /m.test(output)) resolve(performance.now() - t0);
      });
      proc.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      proc.once('exit', (code) => reject(new Error(`npm start exited (${code}) before ready:\n${output}`)));
    });
  } finally {
    await stopGroup(proc);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** In-process time of `require(module)` in a fresh node (node's own boot excluded). */
function importMs(args: string[], modulePath: string): number {
  const script = `const t=performance.now();require(${JSON.stringify(modulePath)});process.stdout.write(String(performance.now()-t))`;
  const out = execFileSync(process.execPath, [...args, '-e', script], {
    cwd: ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return Number(out.toString('utf8'));
}

function bundle(name: FunctionName, outDir: string): string {
  const outfile = join(outDir, `${name}.js`);
  buildSync({
    entryPoints: [join(ROOT, functions[name].entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export async function run(): Promise<BenchResult[]> {
  const starts: number[] = [];
  for (let i = 0; i < START_RUNS; i++) starts.push(await timeStart());

  const outDir = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  const rows = (Object.keys(functions) as FunctionName[]).map((name) => {
    const source = join(ROOT, functions[name].entry);
    importMs(['--import', 'tsx'], source); // warm tsx's transform cache: "cold" means a fresh process
    const fromSource = Array.from({ length: IMPORT_RUNS }, () => importMs(['--import', 'tsx'], source));
    const bundled = bundle(name, outDir);
    const fromBundle = Array.from({ length: IMPORT_RUNS }, () => importMs([], bundled));
    return {
      name: functions[name].entry,
      values: {
        'tsx source, median ms': fmt(median(fromSource)),
        'esbuild bundle, median ms': fmt(median(fromBundle)),
        'bundle min ms': fmt(Math.min(...fromBundle)),
      },
    };
  });
  rmSync(outDir, { recursive: true, force: true });

  return [
    {
      title: `npm start → ready line (fresh DATA_DIR, seed ingested; ${START_RUNS} runs)`,
      rows: [
        {
          name: 'npm start',
          values: {
            'median s': fmt(median(starts) / 1000),
            'min s': fmt(Math.min(...starts) / 1000),
            'max s': fmt(Math.max(...starts) / 1000),
            goal: '< 10 s',
          },
        },
      ],
      notes: [
        'Includes npm, tsx, both emulators (worker thread), table + bucket creation, token, seeding Mali.',
        `Machine: ${cpus().length} cores, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')} after the runs.`,
      ],
    },
    {
      title: `Cold import of each handler module (fresh node process, median of ${IMPORT_RUNS})`,
      rows,
      notes: ['Time of require() inside the process; node boot itself is excluded.'],
    },
  ];
}
