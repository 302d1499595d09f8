/**
 * `npm run bench -- api`: autocannon (its own process) against the local runtime (`infra/local/main.ts`, its
 * own process, emulators in their own worker) for GET /sheets/mali, GET /sheets/mali/figures?kind=money and
 * GET /figures?kind=money at 10 and 50 connections, 10 s each; the same autocannon against a bare dynalite
 * GetItem (its own process) is the floor. Goal: every route ≥ the floor's req/s with a p99 no worse.
 * Then bench/api-figures.ts: figure history over 20 revisions and a full CSV export, each with its floor.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as figureRoutes } from './api-figures';
import { type BenchResult, type BenchRow, fmt } from './harness';

const ROOT = join(__dirname, '..');
const DURATION_S = Number(process.env.BENCH_API_DURATION ?? 10);
const CONNECTIONS = [10, 50];
const ROUTES = ['/sheets/mali', '/sheets/mali/figures?kind=money', '/figures?kind=money'];

interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Spawns a process and resolves with the first stdout line matching `pattern`. */
function spawnUntil(command: string, args: string[], env: NodeJS.ProcessEnv, pattern: RegExp) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: `npx tsx` runs the script in a grandchild that a plain kill would orphan
    // (still holding our pipes, so the bench never exited).
    detached: true,
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise<{ child: ChildProcess; line: string }>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`${args.join(' ')} not ready after 120 s: ${stderr}`)),
      120_000,
    );
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      const line = buffer.split('\n').find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

/** Stops the whole process group (npx, tsx and the script itself). */
function stop(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  return new Promise((resolve) => {
    child.stdout?.destroy();
    child.stderr?.destroy();
    if (child.exitCode !== null) {
      signalGroup('SIGTERM');
      return resolve();
    }
    child.once('exit', () => resolve());
    signalGroup('SIGTERM');
    setTimeout(() => signalGroup('SIGKILL'), 10_000).unref();
  });
}

/** One autocannon run in its own process. */
function autocannon(url: string, connections: number, extra: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = ['autocannon', '--json', '-c', String(connections), '-d', String(DURATION_S), ...extra, url];
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => {
      try {
        const json = JSON.parse(out) as {
          requests: { average: number };
          latency: { p50: number; p99: number };
          non2xx: number;
          errors: number;
        };
        resolve({
          rps: json.requests.average,
          p50: json.latency.p50,
          p99: json.latency.p99,
          non2xx: json.non2xx,
          errors: json.errors,
        });
      } catch (err) {
        reject(new Error(`autocannon exited ${code}: ${String(err)}`));
      }
    });
  });
}

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

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(url).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered 200`);
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const port = await freePort();
  const children: ChildProcess[] = [];
  try {
    const runtime = await spawnUntil(
      'npx',
      ['tsx', 'infra/local/main.ts'],
      { PORT: String(port), DATA_DIR: dataDir, API_TOKEN: 'bench-token-0123456789', REFRESH_RATE: '0' },
      new RegExp(`http://127\\.0\\.0\\.1:${port}`),
    );
    children.push(runtime.child);
    const base = `http://127.0.0.1:${port}`;
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
    return [load, await figureRoutes()];
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
