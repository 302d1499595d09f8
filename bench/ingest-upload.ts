/**
 * What an editor's client sees: `PUT /sheets/{id}/source` on the real local runtime (a child process, as
 * `npm start` runs it), then polling every 5 ms until (a) the upload resource says `published` and (b)
 * `GET /sheets/{id}` serves the new sheet. Compared with the ingest time itself, as the upload record
 * tells it (decidedAt − uploadedAt, both written by the runtime): the client should know within 10 ms.
 * Also a rejected upload's time-to-known.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { RUNTIME_NODE_ARGS } from '../infra/local/node-flags';
import { type BenchResult, fmt, median, percentile } from './harness';

const UPLOADS = 50;
const REJECTIONS = 20;
const POLL_MS = 5;
const TOKEN = 'bench-upload-token-0123456789';
const ROOT = join(__dirname, '..');

function startRuntime(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...RUNTIME_NODE_ARGS], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      API_TOKEN: TOKEN,
      REFRESH_RATE: '0',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    // Kept for the failure message only: its `SIGTERM: stopping…` line is not part of the table.
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /^Ready: API (http:\/\/127\.0\.0\.1:\d+)/m.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`runtime exited with ${code} before ready\n${out}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every POLL_MS until it returns true; ms since `t0`. */
async function pollUntil(t0: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check()) return performance.now() - t0;
    if (performance.now() - t0 > 30_000) throw new Error('gave up after 30 s');
    await sleep(POLL_MS);
  }
}

interface Sample {
  ingest: number;
  upload: number;
  sheet: number;
}

async function uploadAndWatch(base: string, id: string, body: string, contentType: string) {
  const t0 = performance.now();
  const put = await fetch(`${base}/sheets/${id}/source`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': contentType },
    body,
  });
  if (put.status !== 202) throw new Error(`PUT ${id}: ${put.status} ${await put.text()}`);
  const location = `${base}${put.headers.get('location')}`;
  let record: { status: string; uploadedAt: string; decidedAt?: string } | undefined;
  const upload = pollUntil(t0, async () => {
    record = (await (await fetch(location)).json()) as typeof record;
    return record!.status !== 'pending';
  });
  return { t0, upload, record: () => record! };
}

export async function runUploadBench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-upload-'));
  const { child, url: base } = await startRuntime(dataDir);
  try {
    const text = readFileSync(join(ROOT, 'fixtures', 'sheets', 'mali.txt'), 'utf8');
    const samples: Sample[] = [];
    for (let i = -5; i < UPLOADS; i++) {
      const id = `bench-${i < 0 ? `warm${-i}` : i}`;
      const watched = await uploadAndWatch(base, id, `${text}\nUpload ${i}.`, 'text/plain');
      const sheet = pollUntil(watched.t0, async () => (await fetch(`${base}/sheets/${id}`)).status === 200);
      const [upload, sheetMs] = await Promise.all([watched.upload, sheet]);
      const record = watched.record();
      if (record.status !== 'published') throw new Error(`${id}: ${record.status}`);
      const ingest = Date.parse(record.decidedAt!) - Date.parse(record.uploadedAt);
      if (i >= 0) samples.push({ ingest, upload, sheet: sheetMs });
    }
    const rejected: Sample[] = [];
    for (let i = 0; i < REJECTIONS; i++) {
      const page = `<html><body><nav>Home ${i}</nav></body></html>`;
      const watched = await uploadAndWatch(base, `bench-bad-${i}`, page, 'text/html');
      const upload = await watched.upload;
      const record = watched.record();
      if (record.status !== 'rejected') throw new Error(`bench-bad-${i}: ${record.status}`);
      rejected.push({
        ingest: Date.parse(record.decidedAt!) - Date.parse(record.uploadedAt),
        upload,
        sheet: NaN,
      });
    }
    const cols = (name: string, values: number[]) => ({
      [`${name} p50 ms`]: fmt(median(values)),
      [`${name} p95 ms`]: fmt(percentile(values, 95)),
    });
    const gap = (s: Sample[], pick: (x: Sample) => number) => s.map((x) => pick(x) - x.ingest);
    return {
      title: `Upload → client knows, on the local runtime (polled every ${POLL_MS} ms; ${UPLOADS} uploads, ${REJECTIONS} rejections)`,
      rows: [
        {
          name: 'ingest decided (upload record: decidedAt − uploadedAt)',
          values: cols(
            '',
            samples.map((s) => s.ingest),
          ),
        },
        {
          name: 'PUT → upload resource says published',
          values: cols(
            '',
            samples.map((s) => s.upload),
          ),
        },
        {
          name: '  minus ingest time',
          values: cols(
            '',
            gap(samples, (s) => s.upload),
          ),
        },
        {
          name: 'PUT → GET /sheets/{id} shows it',
          values: cols(
            '',
            samples.map((s) => s.sheet),
          ),
        },
        {
          name: '  minus ingest time',
          values: cols(
            '',
            gap(samples, (s) => s.sheet),
          ),
        },
        {
          name: 'rejected: ingest decided',
          values: cols(
            '',
            rejected.map((s) => s.ingest),
          ),
        },
        {
          name: 'PUT → upload resource says rejected',
          values: cols(
            '',
            rejected.map((s) => s.upload),
          ),
        },
        {
          name: '  minus ingest time',
          values: cols(
            '',
            gap(rejected, (s) => s.upload),
          ),
        },
      ],
      notes: [
        'Times from the start of the PUT. Ingest time: the runtime’s own record (ms resolution), so it includes the PUT itself, the S3 event and ingest.',
        'Goal: the client knows within 10 ms of the ingest time (the "minus ingest time" rows; 5 ms of it is the poll interval).',
      ],
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
