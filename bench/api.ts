/**
 * `npm run bench -- api`: autocannon (its own process) against the local runtime (`infra/local/main.ts`, its
 * own process, emulators in their own worker) for GET /sheets/mali, GET /sheets/mali/figures?kind=money and
 * GET /figures?kind=money at 10 and 50 connections, 10 s each; the same autocannon against a bare dynalite
 * GetItem (its own process) is the floor. Goal: every route ≥ the floor's req/s with a p99 no worse.
 * Then bench/api-figures.ts: figure history over 20 revisions and a full CSV export, each with its floor.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as figureRoutes } from './api-figures';
import {
  autocannon,
  DURATION_S,
  type Run,
  spawnUntil,
  startRuntimeChild,
  stop,
  waitFor,
} from './api-processes';
import { run as readsAtScale } from './api-scale';
import { type BenchResult, type BenchRow, fmt } from './harness';

const ROOT = join(__dirname, '..');
const CONNECTIONS = [10, 50];
const ROUTES = ['/sheets/mali', '/sheets/mali/figures?kind=money', '/figures?kind=money'];

/** GetItem through the AWS SDK in its own process: the per-read cost a handler actually pays. */
function sdkGetItem(endpoint: string, connections: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['tsx', 'bench/api-getitem-sdk.ts', endpoint, String(connections), String(DURATION_S)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => {
      try {
        const json = JSON.parse(out) as { rps: number; p50: number; p99: number };
        resolve({ ...json, non2xx: 0, errors: 0 });
      } catch (err) {
        reject(new Error(`SDK GetItem run exited ${code}: ${String(err)}`));
      }
    });
  });
}

export async function run(): Promise<BenchResult[]> {
  const { load, figures } = await underLoad();
  return [load, await readsAtScale(), figures];
}

async function underLoad(): Promise<{ load: BenchResult; figures: BenchResult }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const children: ChildProcess[] = [];
  try {
    const runtime = await startRuntimeChild(dataDir);
    children.push(runtime.child);
    const { base } = runtime;
    await waitFor(`${base}/sheets/mali`);

    const floor = await spawnUntil('npx', ['tsx', 'bench/api-dynalite.ts'], {}, /^READY /);
    children.push(floor.child);
    const target = JSON.parse(floor.line.slice('READY '.length)) as {
      endpoint: string;
      body: string;
      headers: Record<string, string>;
    };
    const floorArgs = [
      '-m',
      'POST',
      '-b',
      target.body,
      ...Object.entries(target.headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    ];

    const rows: BenchRow[] = [];
    const notes: string[] = [];
    for (const connections of CONNECTIONS) {
      // Warm the API process (JIT, caches) before measuring.
      for (const route of ROUTES)
        await autocannon(`${base}${route}`, connections, ['-d', '2']).catch(() => null);
      const raw = await autocannon(target.endpoint, connections, floorArgs);
      rows.push(row(`dynalite GetItem (floor) @${connections}`, raw, raw));
      rows.push(
        row(`dynalite GetItem via SDK @${connections}`, await sdkGetItem(target.endpoint, connections), raw),
      );
      for (const route of ROUTES) {
        const result = await autocannon(`${base}${route}`, connections);
        rows.push(row(`GET ${route} @${connections}`, result, raw));
        if (result.non2xx > 0 || result.errors > 0) {
          notes.push(`${route} @${connections}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        }
      }
    }
    notes.push(
      `Each run ${DURATION_S} s, each load generator in its own process. Floor: autocannon POSTing GetItem straight at a bare dynalite (no SDK); "via SDK": the same GetItem through the AWS SDK document client.`,
      'API: infra/local/main.ts (emulators in a worker thread); immutable revisions and responses cached in-process; META, figure pages and latest responses reused ≤ READ_MAX_AGE_SECONDS in total (the Cache-Control max-age). Goal: req/s ratio ≥ 1 and p99 ratio ≤ 1.',
    );
    const load = { title: 'API under load (autocannon, separate processes)', rows, notes };
    return { load, figures: await figureRoutes() };
  } finally {
    await Promise.all(children.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function row(name: string, result: Run, floor: Run): BenchRow {
  return {
    name,
    values: {
      'req/s': fmt(result.rps),
      'p50 ms': fmt(result.p50),
      'p99 ms': fmt(result.p99),
      'req/s ÷ floor': fmt(result.rps / floor.rps),
      'p99 ÷ floor': fmt(result.p99 / floor.p99),
    },
  };
}
