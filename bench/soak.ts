/**
 * `npm run bench -- soak [--sheets N] [--minutes M] [--concurrency C]`: the local runtime holding up a long
 * run. Uploads N sheets (default 3,000), then M minutes (default 10) of random public reads (C in flight,
 * default 10) with an upload every 2 s, printing per minute the runtime's RSS, its main heap and the
 * emulator worker's heap (after full GCs) and the DATA_DIR size. Then a forced reprocess of every sheet
 * (a new revision each), the DATA_DIR size after it against its live data (the same LevelDB compacted
 * offline), and start-up time at N sheets after a clean stop and after a kill -9.
 * Goal: RSS within 20% of minute 1; DATA_DIR ≤ 2× live data after the reprocess.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Level } from 'level';
import { RUNTIME_NODE_FLAGS } from '../infra/local/node-flags';
import { type BenchResult, fmt } from './harness';

const ROOT = join(__dirname, '..');
const TOKEN = 'soak-bench-token-0123456789';
const MB = 1024 * 1024;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? Number.NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function dirBytes(path: string): number {
  let total = 0;
  for (const name of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(path, name), { throwIfNoEntry: false });
    if (stat?.isFile()) total += stat.size;
  }
  return total;
}

interface Runtime {
  proc: ChildProcess;
  url: string;
  readyMs: number;
  ask<T>(request: object, reply: string): Promise<T>;
}

function startChild(dataDir: string): Promise<Runtime> {
  const t0 = performance.now();
  const proc = fork(join(__dirname, 'soak-runtime.ts'), [], {
    cwd: ROOT,
    execArgv: ['--expose-gc', ...RUNTIME_NODE_FLAGS, '--import', 'tsx'],
    env: { ...process.env, DATA_DIR: dataDir, API_TOKEN: TOKEN, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = <T>(request: object, reply: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: { type: string }) => {
        if (m.type !== reply) return;
        proc.off('message', onMessage);
        resolve(m as T);
      };
      proc.on('message', onMessage);
      proc.send(request);
    });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`the runtime exited (${code}) before it was ready`)));
    proc.once('message', (m: { type: string; url: string }) =>
      resolve({ proc, url: m.url, readyMs: performance.now() - t0, ask }),
    );
  });
}

const MALI = readFileSync(join(ROOT, 'fixtures', 'sheets', 'mali.txt'), 'utf8');
/** A distinct, realistic sheet per id and version (other bytes, same shape). */
const sheetText = (id: string, version: number) =>
  `${MALI}\nUpdate ${id}-${version}: the United States provided $${version + 3} million in FY2021.\n`;

async function upload(base: string, id: string, version: number): Promise<void> {
  const res = await fetch(`${base}/sheets/${id}/source`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
    body: sheetText(id, version),
  });
  await res.arrayBuffer();
  if (res.status !== 202) throw new Error(`upload ${id}: ${res.status}`);
}

async function populate(base: string, ids: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) await upload(base, ids[i]!, 0);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

const READS = [
  (id: string) => `/sheets/${id}`,
  (id: string) => `/sheets/${id}/figures?kind=money`,
  (id: string) => `/sheets/${id}/revisions`,
  () => '/figures?kind=money&limit=100',
];

export async function run(): Promise<BenchResult[]> {
  const sheets = flag('sheets', 3000);
  const minutes = flag('minutes', 10);
  const concurrency = flag('concurrency', 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-soak-'));
  const ids = Array.from({ length: sheets }, (_, i) => `soak-${String(i).padStart(5, '0')}`);
  const notes: string[] = [];
  try {
    let runtime = await startChild(dataDir);
    console.error(`soak: uploading ${sheets} sheets…`);
    const tUpload = performance.now();
    await populate(runtime.url, ids);
    await runtime.ask({ type: 'idle' }, 'idle');
    notes.push(`${sheets} sheets uploaded and ingested in ${fmt((performance.now() - tUpload) / 1000)} s`);

    const rows: BenchResult['rows'] = [];
    let stop = false;
    let requests = 0;
    let errors = 0;
    let version = 1;
    const reader = async () => {
      while (!stop) {
        const id = ids[Math.floor(Math.random() * ids.length)]!;
        const path = READS[Math.floor(Math.random() * READS.length)]!(id);
        requests++;
        try {
          const res = await fetch(`${runtime.url}${path}`);
          await res.arrayBuffer();
          if (res.status >= 500) errors++;
        } catch {
          // A reset connection (a kept-alive socket the server closed as it was reused) is counted, not
          // fatal: it ended two 10-minute runs on a loaded machine while the runtime kept serving.
          errors++;
        }
      }
    };
    const uploader = async () => {
      while (!stop) {
        await upload(runtime.url, ids[Math.floor(Math.random() * ids.length)]!, version++);
        await new Promise((r) => setTimeout(r, 2000));
      }
    };
    const load = [...Array.from({ length: concurrency }, reader), uploader()];
    for (let minute = 1; minute <= minutes; minute++) {
      const before = requests;
      await new Promise((r) => setTimeout(r, 60_000));
      const memory = await runtime.ask<{
        rss: number;
        heapUsed: number;
        emulatorHeapUsed: number | null;
        external: number;
        heapTotal: number;
      }>({ type: 'memory' }, 'memory');
      const row = {
        name: `minute ${minute}`,
        values: {
          'req/s': fmt((requests - before) / 60),
          'RSS MB': fmt(memory.rss / MB),
          'main heap MB': fmt(memory.heapUsed / MB),
          'main heap committed MB': fmt(memory.heapTotal / MB),
          'emulator heap MB': memory.emulatorHeapUsed === null ? '—' : fmt(memory.emulatorHeapUsed / MB),
          'main external MB': fmt(memory.external / MB),
          'DATA_DIR MB': fmt(dirBytes(dataDir) / MB),
        },
      };
      rows.push(row);
      console.error(`soak: ${row.name} ${JSON.stringify(row.values)}`);
    }
    stop = true;
    await Promise.all(load);
    await runtime.ask({ type: 'idle' }, 'idle');
    notes.push(
      `${requests} reads (${errors} answered 5xx or failed), ${version - 1} uploads during the soak`,
    );

    console.error('soak: reprocessing every sheet…');
    const tReprocess = performance.now();
    const { failed } = await runtime.ask<{ failed: number }>({ type: 'reprocess', ids }, 'reprocessed');
    const reprocessS = (performance.now() - tReprocess) / 1000;
    const afterReprocess = dirBytes(join(dataDir, 'dynamodb'));
    await runtime.ask({ type: 'stop' }, 'stopped');

    runtime = await startChild(dataDir);
    const cleanReadyMs = runtime.readyMs;
    runtime.proc.kill('SIGKILL');
    await new Promise((r) => runtime.proc.once('exit', r));
    runtime = await startChild(dataDir);
    const crashReadyMs = runtime.readyMs;
    await runtime.ask({ type: 'stop' }, 'stopped');

    // Live data: the same store compacted offline (what reopening would eventually reach).
    const db = new Level(join(dataDir, 'dynamodb'));
    await db.open();
    // classic-level (what `level` is on Node) has compactRange; the `level` typings omit it.
    await (db as unknown as { compactRange(a: string, b: string): Promise<void> }).compactRange(
      '\u0000',
      '\uffff',
    );
    await db.close();
    const live = dirBytes(join(dataDir, 'dynamodb'));
    const first = rows[0]?.values['RSS MB'];
    const last = rows.at(-1)?.values['RSS MB'];
    notes.push(
      `RSS minute 1 → minute ${minutes}: ${first} → ${last} MB (goal: within 20%)`,
      `forced reprocess of ${sheets} sheets in ${fmt(reprocessS)} s (${failed} failed); DynamoDB data ${fmt(afterReprocess / MB)} MB after it, ${fmt(live / MB)} MB live (compacted): ${fmt(afterReprocess / live)}× (goal ≤ 2×)`,
    );
    return [
      {
        title: `soak: ${sheets} sheets, ${minutes} min of random reads (${concurrency} in flight)`,
        rows,
        notes,
      },
      {
        title: `start-up to ready at ${sheets} sheets`,
        rows: [
          { name: 'after a clean stop', values: { ms: fmt(cleanReadyMs) } },
          { name: 'after kill -9 (full reconcile)', values: { ms: fmt(crashReadyMs) } },
        ],
      },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
