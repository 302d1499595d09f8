/**
 * End to end through real processes: `npm start`'s entry on a free port with a temporary DATA_DIR, the
 * CLI, the HTTP API, restarts, a SIGKILL between PutObject and ingest, a taken port, a damaged DATA_DIR.
 */

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiffSummary } from '../../shared/store/ports';
import { type RuntimeProcess, runCliProcess, runToExit, startRuntimeProcess } from './runtime-process';

// Generous per-test limits: on a loaded 2-core machine one start can take several seconds.
jest.setTimeout(90_000);

const REVISION = `U.S. Relations With Mali

The United States established diplomatic relations with Mali in 1960.

U.S. Assistance to Mali

U.S. bilateral foreign assistance to Mali totaled approximately $200 million in FY 2022.
`;

const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

async function stop(runtime: RuntimeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  runtime.proc.kill(signal);
  return runtime.exited;
}

describe('local runtime (child process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'factsheet-e2e-'));
  let runtime: RuntimeProcess | undefined;
  let token = '';

  afterAll(async () => {
    if (runtime && runtime.proc.exitCode === null) await stop(runtime, 'SIGKILL');
  });

  it('first start seeds the Mali sheet through the upload path and prints the URL, docs and a token', async () => {
    runtime = await startRuntimeProcess({ PORT: '0', DATA_DIR: dataDir, REFRESH_RATE: '1 second' });
    token = /Write token \(shown once, stored hashed\): (\S+)/.exec(runtime.stdout)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(runtime.stdout).toMatch(
      /^Ready: API http:\/\/127\.0\.0\.1:\d+ +docs http:\/\/127\.0\.0\.1:\d+\/docs/m,
    );
    expect(runtime.stdout).toContain('Seeded: sources/mali.txt');
    expect(runtime.stdout.match(/^Ready: /gm)).toHaveLength(1);

    const mali = await getJson(`${runtime.url}/sheets/mali`);
    expect(mali.status).toBe(200);
    expect(mali.body).toMatchObject({ id: 'mali', latestRevision: 1, country: 'Mali' });
    expect((mali.body.counts as { figures: number }).figures).toBeGreaterThan(10);
  });

  it('the CLI uploads a revision; the API serves it and the diff shows the changed figures', async () => {
    const file = join(dataDir, '..', `mali-rev-${process.pid}.txt`);
    writeFileSync(file, REVISION);
    const upload = await runCliProcess(
      ['upload', file, '--id', 'mali', '--wait', '--json', '--api', runtime!.url],
      {
        FACTSHEET_TOKEN: token,
      },
    );
    expect(upload.stderr).toBe('');
    expect(upload.code).toBe(0);
    expect(JSON.parse(upload.stdout)).toMatchObject({ id: 'mali', status: 'published', revision: 2 });

    const diff = await runCliProcess([
      'diff',
      'mali',
      '--from',
      '1',
      '--to',
      '2',
      '--json',
      '--api',
      runtime!.url,
    ]);
    expect(diff.code).toBe(0);
    const summary = JSON.parse(diff.stdout) as DiffSummary;
    expect(summary).toMatchObject({ from: 1, to: 2 });
    // The new money figure appears in the diff, as added or as the new value of a changed figure.
    const newValues = [...summary.figures.added, ...summary.figures.changed.map((c) => c.after)].map(
      (f) => f.value,
    );
    expect(newValues).toContain(200_000_000);
    expect(summary.figures.removed.length + summary.figures.changed.length).toBeGreaterThan(0);

    const human = await runCliProcess(['list', '--api', runtime!.url]);
    expect(human.stdout).toMatch(/^mali\s+2\s+Mali/m);
  });

  it('the CLI reprocesses: the api invokes ingest through the local Lambda endpoint', async () => {
    const reprocess = await runCliProcess(['reprocess', 'mali', '--json', '--api', runtime!.url], {
      FACTSHEET_TOKEN: token,
    });
    expect(reprocess.stderr).toBe('');
    expect(reprocess.code).toBe(0);
    expect(JSON.parse(reprocess.stdout)).toMatchObject({ id: 'mali', status: 'unchanged', revision: 2 });
    const missing = await runCliProcess(['reprocess', 'nope', '--api', runtime!.url], {
      FACTSHEET_TOKEN: token,
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/404|not found/i);
  });

  it('a preview runs in ingest through the local Lambda endpoint and publishes nothing', async () => {
    const uploads = await getJson(`${runtime!.url}/sheets/mali/uploads`);
    const response = await fetch(`${runtime!.url}/sheets/mali/preview`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: REVISION.replace('$200 million', '$250 million'),
    });
    expect(response.status).toBe(200);
    const preview = (await response.json()) as { latestRevision: number; diff: DiffSummary };
    expect(preview.latestRevision).toBe(2);
    expect(preview.diff.figures.changed.map((c) => [c.before.value, c.after.value])).toEqual([
      [200_000_000, 250_000_000],
    ]);
    expect((await getJson(`${runtime!.url}/sheets/mali`)).body.latestRevision).toBe(2);
    expect(await getJson(`${runtime!.url}/sheets/mali/uploads`)).toEqual(uploads);
  });

  it('a write without the token is refused and changes nothing', async () => {
    const response = await fetch(`${runtime!.url}/sheets/mali/source`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer not-the-token' },
      body: 'U.S. Relations With Mali\n\nNothing.',
    });
    expect(response.status).toBe(403);
    expect((await getJson(`${runtime!.url}/sheets/mali`)).body.latestRevision).toBe(2);
  });

  it('the API port passes no browser form POST through to the emulators', async () => {
    const form = new FormData();
    form.append('key', 'sources/mali.txt');
    form.append('file', new Blob(['U.S. Relations With Mali\n\nThe attacker says $9 billion.']), 'x.txt');
    for (const path of ['/factsheets', '/', '/2015-03-31/functions/ingest/invocations']) {
      const response = await fetch(`${runtime!.url}${path}`, {
        method: 'POST',
        headers: { Origin: 'http://evil.example' },
        body: form,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect((await getJson(`${runtime!.url}/sheets/mali`)).body.latestRevision).toBe(2);
  });

  it('the refresh timer fetches a registered source and the sheet flows through ingest', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('U.S. Relations With Niger\n\nU.S. assistance to Niger totaled $150 million in FY 2021.\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/niger.txt`;
      const add = await runCliProcess([
        'sources',
        'add',
        'niger',
        url,
        '--api',
        runtime!.url,
        '--token',
        token,
      ]);
      expect(add.stderr).toBe('');
      expect(add.code).toBe(0);
      // REFRESH_RATE is 1 second in this suite: the scheduled refresh, not a manual one, picks the source up.
      let niger = await getJson(`${runtime!.url}/sheets/niger`);
      for (let i = 0; i < 300 && niger.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        niger = await getJson(`${runtime!.url}/sheets/niger`);
      }
      expect(niger.status).toBe(200);
      expect(niger.body).toMatchObject({ id: 'niger', latestRevision: 1 });
      const sources = await runCliProcess(['sources', 'list', '--json', '--api', runtime!.url]);
      const [niger2] = JSON.parse(sources.stdout) as {
        id: string;
        lastStatus: string;
        lastCheckedAt: string;
      }[];
      // Later ticks find the same bytes: `unchanged`, never `failed`.
      expect(niger2).toMatchObject({ id: 'niger', lastCheckedAt: expect.any(String) });
      expect(['updated', 'unchanged']).toContain(niger2!.lastStatus);
    } finally {
      server.close();
    }
  });

  it('a second runtime on the same port fails with one clear line and exit code 1', async () => {
    const port = new URL(runtime!.url).port;
    const other = mkdtempSync(join(tmpdir(), 'factsheet-e2e-port-'));
    const result = await runToExit({ PORT: port, DATA_DIR: other });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `npm start: Port ${port} is already in use (another npm start?): stop that process or set PORT to a free port`,
    );
    expect(readdirSync(other)).toEqual([]);
  });

  it('stops on SIGTERM and a restart finds every revision, without seeding or a new token', async () => {
    expect(await stop(runtime!)).toBe(0);
    runtime = await startRuntimeProcess({ PORT: '0', DATA_DIR: dataDir });
    expect(runtime.stdout).not.toContain('Seeded');
    expect(runtime.stdout).not.toContain(token);
    expect(runtime.stdout).toMatch(/Write token: one was generated on .* \(only its hash is stored\)/);
    expect((await getJson(`${runtime.url}/sheets/mali`)).body.latestRevision).toBe(2);
    expect((await getJson(`${runtime.url}/sheets/mali/revisions/1`)).status).toBe(200);
  });

  it('an upload killed (SIGKILL) between PutObject and ingest is published on the next start', async () => {
    expect(await stop(runtime!)).toBe(0);
    // LOCAL_INGEST_DELAY_MS holds S3 events before ingest, so the kill lands after PutObject, before ingest.
    runtime = await startRuntimeProcess({ PORT: '0', DATA_DIR: dataDir, LOCAL_INGEST_DELAY_MS: '60000' });
    const put = await fetch(`${runtime.url}/sheets/chad/source`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain; charset=utf-8', authorization: `Bearer ${token}` },
      body: 'U.S. Relations With Chad\n\nU.S. assistance to Chad totaled $68 million in FY 2021.\n',
    });
    expect(put.status).toBe(202);
    expect((await getJson(`${runtime.url}/sheets/chad`)).status).toBe(404);
    expect(await stop(runtime, 'SIGKILL')).toBeNull();

    runtime = await startRuntimeProcess({ PORT: '0', DATA_DIR: dataDir });
    expect(runtime.stdout).toContain('Recovered unpublished uploads: sources/chad.txt');
    const chad = await getJson(`${runtime.url}/sheets/chad`);
    expect(chad.status).toBe(200);
    expect(chad.body).toMatchObject({ id: 'chad', latestRevision: 1 });
    expect((await getJson(`${runtime.url}/sheets/mali`)).body.latestRevision).toBe(2);
    expect(await stop(runtime, 'SIGINT')).toBe(0);
  });

  it('reports an unreadable DATA_DIR and leaves every file as it was', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'factsheet-e2e-broken-'));
    mkdirSync(join(broken, 'dynamodb'));
    writeFileSync(join(broken, 'dynamodb', 'CURRENT'), 'MANIFEST-garbage');
    writeFileSync(join(broken, 'dynamodb', 'MANIFEST-000002'), 'not a manifest');
    const result = await runToExit({ PORT: '0', DATA_DIR: broken });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^npm start: DATA_DIR .* cannot be opened .*nothing was changed/);
    expect(readdirSync(broken).sort()).toEqual(['dynamodb']);
    expect(readFileSync(join(broken, 'dynamodb', 'CURRENT'), 'utf8')).toBe('MANIFEST-garbage');
  });

  it('reports a file where a DATA_DIR folder should be', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'factsheet-e2e-file-'));
    writeFileSync(join(broken, 's3'), 'oops');
    const result = await runToExit({ PORT: '0', DATA_DIR: broken });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/s3 should be a folder but is a file \(nothing was changed/);
    expect(readFileSync(join(broken, 's3'), 'utf8')).toBe('oops');
  });

  it('refuses a bad REFRESH_RATE before touching DATA_DIR', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'factsheet-e2e-rate-')), 'data');
    const result = await runToExit({ PORT: '0', DATA_DIR: fresh, REFRESH_RATE: 'daily' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'npm start: REFRESH_RATE "daily" is not a rate: use e.g. "1 day", "6 hours", "30 minutes", or "0" to disable',
    );
    expect(existsSync(fresh)).toBe(false);
  });
});
