/** Processes of the API benchmarks: free ports, children started until a ready line, autocannon runs. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { RUNTIME_NODE_ARGS } from '../infra/local/node-flags';

const ROOT = join(__dirname, '..');
export const DURATION_S = Number(process.env.BENCH_API_DURATION ?? 10);

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function freePort(): Promise<number> {
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
export function spawnUntil(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  pattern: RegExp,
  timeoutMs = 120_000,
) {
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
    const timer = setTimeout(() => {
      void stop(child);
      reject(new Error(`${args.join(' ')} not ready after ${timeoutMs / 1000} s: ${stderr}`));
    }, timeoutMs);
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
export function stop(child: ChildProcess): Promise<void> {
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

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

function toRun(json: AutocannonResult): Run {
  return {
    rps: json.requests.average,
    p50: json.latency.p50,
    p99: json.latency.p99,
    non2xx: json.non2xx,
    errors: json.errors,
  };
}

/**
 * A child (`npx ARGS…`) that prints autocannon-shaped JSON on stdout: one result, or an array of them
 * (runs made back to back), read as Runs; `label` names it in the error when it exits without one.
 */
export function jsonRuns(args: string[], label: string, stderr: 'pipe' | 'inherit' = 'pipe'): Promise<Run[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd: ROOT, stdio: ['ignore', 'pipe', stderr] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('exit', (code) => {
      try {
        const json = JSON.parse(out) as AutocannonResult | AutocannonResult[];
        resolve((Array.isArray(json) ? json : [json]).map(toRun));
      } catch (err) {
        reject(new Error(`${label} exited ${code}: ${String(err)}`));
      }
    });
  });
}

/** A child that prints one autocannon result (see jsonRuns). */
async function jsonRun(args: string[], label: string, stderr: 'pipe' | 'inherit' = 'pipe'): Promise<Run> {
  const [run] = await jsonRuns(args, label, stderr);
  if (!run) throw new Error(`${label} printed no result`);
  return run;
}

/** One autocannon run in its own process. */
export function autocannon(url: string, connections: number, extra: string[] = []): Promise<Run> {
  const args = ['autocannon', '--json', '-c', String(connections), '-d', String(DURATION_S), ...extra, url];
  return jsonRun(args, 'autocannon');
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(url).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered 200`);
}

/** The local runtime (`infra/local/main.ts` with npm start's node flags) on a free port over `dataDir`. */
export async function startRuntimeChild(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const runtime = await spawnUntil(
    process.execPath,
    [...RUNTIME_NODE_ARGS],
    { PORT: String(port), DATA_DIR: dataDir, API_TOKEN: 'bench-token-0123456789', REFRESH_RATE: '0' },
    new RegExp(`http://127\\.0\\.0\\.1:${port}`),
  );
  return { child: runtime.child, base: `http://127.0.0.1:${port}` };
}
