/**
 * `npm run bench -- notify`: webhooks on the local runtime (in process: emulators, ingest, the bus
 * endpoint, the durable queue, notify). Upload (PUT /sheets/{id}/source) → signed webhook received, over
 * 50 revisions to one subscription; deliveries/s with 50 subscriptions; and the floor: a bare HTTP POST
 * to the same receiver, sequential and 10 at a time, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { startRuntime } from '../infra/local/runtime';
import { type BenchResult, fmt, median, percentile } from './harness';

const REVISIONS = 50;
const FANOUT_SUBSCRIPTIONS = 50;
const FANOUT_REVISIONS = 10;
const TOKEN = 'bench-notify-token-0123456789';
const BASE = `U.S. Relations With Benchland

U.S. Assistance to Benchland

U.S. bilateral foreign assistance to Benchland totaled approximately $REPLACE million in FY 2022.
`;

interface Receiver {
  url: string;
  secrets: Map<string, Webhook>;
  onDelivery: (path: string, revision: number) => void;
  close(): void;
}

async function receiver(): Promise<Receiver> {
  const secrets = new Map<string, Webhook>();
  const r: Receiver = { url: '', secrets, onDelivery: () => undefined, close: () => server.close() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const hook = secrets.get(path);
      const text = Buffer.concat(chunks).toString('utf8');
      if (hook) hook.verify(text, req.headers as Record<string, string>);
      res.writeHead(204).end();
      if (hook) r.onDelivery(path, (JSON.parse(text) as { data: { revision?: number } }).data.revision ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return r;
}

function barePost(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function run(): Promise<BenchResult> {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-notify-'));
  const hooks = await receiver();
  const runtime = await startRuntime({
    port: 0,
    dataDir,
    apiToken: TOKEN,
    refreshRateMs: null,
    notifyBackoffMs: () => 50,
  });
  const auth = { authorization: `Bearer ${TOKEN}` };
  const subscribe = async (id: string, sheet: string) => {
    const res = await fetch(`${runtime.url}/subscriptions/${id}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${hooks.url}/${id}`,
        events: ['sheet.revision.published'],
        sheets: [sheet],
      }),
    });
    hooks.secrets.set(`/${id}`, new Webhook(((await res.json()) as { secret: string }).secret));
  };
  const uploadSheet = (sheet: string, n: number) =>
    fetch(`${runtime.url}/sheets/${sheet}/source`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: BASE.replace('REPLACE', String(100 + n)),
    }).then((r) => r.text());
  try {
    // Upload → webhook: one subscription, sequential revisions (the first publishes revision 1 unobserved).
    await subscribe('latency', 'bench');
    const revisionArrives = (revision: number) =>
      new Promise<void>((resolve) => {
        hooks.onDelivery = (path, rev) => path === '/latency' && rev === revision && resolve();
      });
    const first = revisionArrives(1);
    await uploadSheet('bench', 0);
    await first;
    await runtime.notifyIdle();
    const latencies: number[] = [];
    for (let i = 1; i <= REVISIONS; i++) {
      const arrived = revisionArrives(i + 1);
      const t0 = performance.now();
      await uploadSheet('bench', i);
      await arrived;
      latencies.push(performance.now() - t0);
    }
    await runtime.notifyIdle();

    // The notify pipeline alone: POST /subscriptions/{id}/test → ping received (no ingest).
    const pings: number[] = [];
    for (let i = 0; i < REVISIONS; i++) {
      const arrived = new Promise<void>((resolve) => {
        hooks.onDelivery = (path) => path === '/latency' && resolve();
      });
      const t0 = performance.now();
      await fetch(`${runtime.url}/subscriptions/latency/test`, { method: 'POST', headers: auth }).then((r) =>
        r.text(),
      );
      await arrived;
      pings.push(performance.now() - t0);
    }
    await runtime.notifyIdle();

    // Fan-out: 50 subscriptions on another sheet, revisions uploaded back to back.
    for (let s = 0; s < FANOUT_SUBSCRIPTIONS; s++) await subscribe(`fan-${s}`, 'fan');
    let warm = 0;
    const warmed = new Promise<void>((resolve) => {
      hooks.onDelivery = (path) => path.startsWith('/fan-') && ++warm === FANOUT_SUBSCRIPTIONS && resolve();
    });
    await uploadSheet('fan', 0);
    await warmed;
    await runtime.notifyIdle();
    const expected = FANOUT_SUBSCRIPTIONS * FANOUT_REVISIONS;
    let delivered = 0;
    let published: (revision: number) => void = () => undefined;
    const all = new Promise<void>((resolve) => {
      hooks.onDelivery = (path, revision) => {
        if (!path.startsWith('/fan-')) return;
        published(revision);
        if (++delivered === expected) resolve();
      };
    });
    const f0 = performance.now();
    // The next upload waits for the first delivery of the previous revision (so ingest never coalesces
    // two uploads into one revision); deliveries of one revision overlap the next upload.
    for (let i = 1; i <= FANOUT_REVISIONS; i++) {
      const seen = new Promise<void>((resolve) => {
        published = (revision) => revision === i + 1 && resolve();
      });
      await uploadSheet('fan', i);
      await seen;
    }
    await all;
    const fanMs = performance.now() - f0;

    // Floor: the same receiver, a bare POST of a similar body.
    hooks.onDelivery = () => undefined;
    const body = JSON.stringify({
      id: 'evt_x',
      type: 'sheet.revision.published',
      data: { pad: 'x'.repeat(600) },
    });
    for (let i = 0; i < 20; i++) await barePost(`${hooks.url}/floor`, body);
    const floor: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await barePost(`${hooks.url}/floor`, body);
      floor.push(performance.now() - t0);
    }
    const c0 = performance.now();
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => barePost(`${hooks.url}/floor`, body)));
    }
    const concurrentPerSec = 500 / ((performance.now() - c0) / 1000);

    return {
      title: `Webhooks on the local runtime (${REVISIONS} revisions → 1 subscription; ${FANOUT_REVISIONS} revisions × ${FANOUT_SUBSCRIPTIONS} subscriptions)`,
      rows: [
        {
          name: 'upload → signed webhook received',
          values: {
            'p50 ms': fmt(median(latencies)),
            'p95 ms': fmt(percentile(latencies, 95)),
            'deliveries/s': '',
          },
        },
        {
          name: 'POST /subscriptions/{id}/test → signed ping received (no ingest)',
          values: { 'p50 ms': fmt(median(pings)), 'p95 ms': fmt(percentile(pings, 95)), 'deliveries/s': '' },
        },
        {
          name: `fan-out: ${expected} deliveries to ${FANOUT_SUBSCRIPTIONS} subscriptions`,
          values: { 'p50 ms': '', 'p95 ms': '', 'deliveries/s': fmt(expected / (fanMs / 1000)) },
        },
        {
          name: 'floor: bare HTTP POST, sequential',
          values: {
            'p50 ms': fmt(median(floor)),
            'p95 ms': fmt(percentile(floor, 95)),
            'deliveries/s': fmt(1000 / median(floor)),
          },
        },
        {
          name: 'floor: bare HTTP POST, 10 at a time',
          values: { 'p50 ms': '', 'p95 ms': '', 'deliveries/s': fmt(concurrentPerSec) },
        },
      ],
      notes: [
        'upload → webhook = PUT /sheets/{id}/source sent → the receiver has the verified delivery (S3 event, ingest, PutEvents, durable queue, notify, signed POST).',
        'The ping row is the bus → durable queue → notify → POST share alone; the rest of upload → webhook is the S3 event and ingest.',
        'Goal: p50 ≤ 50 ms. Fan-out counts from the first upload to the last delivery; every delivery is verified with standardwebhooks.',
      ],
    };
  } finally {
    await runtime.stop();
    hooks.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
