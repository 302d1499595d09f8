/**
 * A DATA_DIR that once could never start again: a 720 KB upload of dense figures (`$5 million. ` 60,000
 * times) accepted (202) and left pending when the runtime died before ingesting it. Every later start
 * re-ingested it and ran out of heap ~10 s in. Now the start that finds it comes up, the upload ends as a
 * `too-many-figures` rejection in bounded memory (the peak RSS of that runtime process, emulators
 * included), and the start after it does not ingest it again.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RuntimeProcess, startRuntimeProcess } from './runtime-process';

jest.setTimeout(180_000);

const TOKEN = 'dense-pending-token-0123456789';
const DENSE = `U.S. Relations With Mali\n\n${'$5 million. '.repeat(60_000)}`;
/**
 * Before the figure cap a runtime on this DATA_DIR grew to its heap limit (several GB) and crashed; a
 * healthy one with the rejection behind it stays near 300 MB. The ceiling leaves room for a loaded machine.
 */
const PEAK_RSS_CEILING_MB = 1_024;

/** Peak resident set size of a live process (Linux: VmHWM in /proc/PID/status), MB. */
function peakRssMb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

async function stop(runtime: RuntimeProcess, signal: NodeJS.Signals): Promise<number | null> {
  runtime.proc.kill(signal);
  return runtime.exited;
}

interface SheetBody {
  latestRevision?: number;
  lastError?: { reason: string; at: string; message: string };
}

describe('start-up on a DATA_DIR holding a pending 720 KB dense upload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'startup-dense-pending-'));
  const env = { PORT: '0', DATA_DIR: dataDir, API_TOKEN: TOKEN };
  let runtime: RuntimeProcess | undefined;
  let location = '';
  let rejection: SheetBody['lastError'];

  // A failed expectation leaves its runtime up, holding the DATA_DIR: the next test must not inherit it.
  afterEach(async () => {
    if (runtime && runtime.proc.exitCode === null) await stop(runtime, 'SIGKILL');
  });

  it('is accepted, then the runtime dies before ingesting it', async () => {
    expect(Buffer.byteLength(DENSE)).toBeGreaterThan(700_000);
    // The first start seeds Mali and waits for its ingest: done before ingest is held back.
    runtime = await startRuntimeProcess(env);
    expect(await stop(runtime, 'SIGTERM')).toBe(0);
    // LOCAL_INGEST_DELAY_MS holds the S3 event, so the kill lands after the bytes are stored, before ingest.
    runtime = await startRuntimeProcess({ ...env, LOCAL_INGEST_DELAY_MS: '120000' });
    const put = await fetch(`${runtime.url}/sheets/oom/source`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain; charset=utf-8', authorization: `Bearer ${TOKEN}` },
      body: DENSE,
    });
    expect(put.status).toBe(202);
    location = put.headers.get('location') ?? '';
    expect(location).toMatch(/^\/sheets\/oom\/uploads\/[0-9a-f]{64}$/);
    expect(((await (await fetch(`${runtime.url}${location}`)).json()) as { status: string }).status).toBe(
      'pending',
    );
    expect(await stop(runtime, 'SIGKILL')).toBeNull();
  });

  it('the next start comes up, rejects it as too-many-figures and stays within its memory ceiling', async () => {
    runtime = await startRuntimeProcess(env, 120_000);
    expect(runtime.stdout).toMatch(
      /Unpublished uploads not recovered: sources\/oom\.txt \(too-many-figures\)/,
    );
    const sheet = await fetch(`${runtime.url}/sheets/oom`);
    expect(sheet.status).toBe(404);
    const body = (await sheet.json()) as SheetBody;
    expect(body.lastError).toMatchObject({ reason: 'too-many-figures' });
    expect(body.lastError?.message).toMatch(/20,?000/);
    rejection = body.lastError;
    const upload = (await (await fetch(`${runtime.url}${location}`)).json()) as {
      status: string;
      reason?: string;
    };
    expect(upload).toMatchObject({ status: 'rejected', reason: 'too-many-figures' });
    // Still serving: the seed sheet answers and the process is alive.
    expect((await fetch(`${runtime.url}/sheets/mali`)).status).toBe(200);
    expect(runtime.proc.exitCode).toBeNull();
    expect(peakRssMb(runtime.proc.pid!)).toBeLessThan(PEAK_RSS_CEILING_MB);
    expect(await stop(runtime, 'SIGTERM')).toBe(0);
  });

  it('the start after a clean stop does not ingest it again', async () => {
    runtime = await startRuntimeProcess(env);
    expect(runtime.stdout).not.toContain('Unpublished uploads not recovered');
    expect(runtime.stdout).not.toContain('Recovered unpublished uploads');
    const body = (await (await fetch(`${runtime.url}/sheets/oom`)).json()) as SheetBody;
    // The same record, not a new one from a second ingest.
    expect(body.lastError).toEqual(rejection);
    expect(await stop(runtime, 'SIGTERM')).toBe(0);
  });
});
