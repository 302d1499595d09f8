/**
 * `npm run bench -- refresh`: the safe fetcher and the refresh against a real origin on 127.0.0.1 serving
 * the Mali fact sheet. Baseline: a plain node:http GET of the same resource in the same run, so the cost
 * of the safety checks (URL policy, address check, pinned lookup, streaming cap) reads as a ratio.
 */
import { readFileSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fetchSource } from '../shared/fetch/fetch-source';
import type { FetchPolicy } from '../shared/fetch/policy';
import { refreshAll } from '../shared/pipeline/refresh';
import { InMemoryBlobStore } from '../tests/support/fakes/memory-blobs';
import { InMemorySourceRepository } from '../tests/support/fakes/memory-sources';
import { type BenchResult, fmt, median, percentile, timeRuns } from './harness';

const RUNS = 200;
const SOURCES = 40;
const HOLD_MS = 20;

function plainGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => {
        n += c.length;
      });
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
}

export async function run(): Promise<BenchResult> {
  const body = readFileSync(join(__dirname, '../fixtures/sheets/mali.txt'));
  const server = createServer((req, res) => {
    const hold = req.url?.startsWith('/held') ? HOLD_MS : 0;
    setTimeout(() => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }).end(body);
    }, hold);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const policy: FetchPolicy = {
    allowedHosts: ['127.0.0.1'],
    allowPrivateAddresses: true,
    timeoutMs: 10_000,
    maxBytes: 2 * 1024 * 1024,
    maxRedirects: 3,
  };
  const row = (name: string, samples: number[]) => ({
    name,
    values: { 'median ms': fmt(median(samples)), 'p95 ms': fmt(percentile(samples, 95)) },
  });
  try {
    const baseline = await timeRuns(() => plainGet(`${base}/sheet`), RUNS);
    const full = await timeRuns(() => fetchSource(`${base}/sheet`, {}, policy), RUNS);
    const notModified = await timeRuns(() => fetchSource(`${base}/sheet`, { etag: '"v1"' }, policy), RUNS);

    const sources = new InMemorySourceRepository();
    const at = new Date().toISOString();
    for (let i = 0; i < SOURCES; i++) {
      await sources.put({
        id: `s-${i}`,
        url: `${base}/held/${i}`,
        enabled: true,
        createdAt: at,
        updatedAt: at,
      });
    }
    const deps = { sources, blobs: new InMemoryBlobStore(), policy };
    await refreshAll(deps); // first run writes; the timed runs are all 304s
    const timed = async (concurrency: number) => {
      const t0 = performance.now();
      await refreshAll(deps, { concurrency });
      return performance.now() - t0;
    };
    const serial = [await timed(1), await timed(1), await timed(1)];
    const bounded = [await timed(4), await timed(4), await timed(4)];
    return {
      title: `Refresh: fetch of a ${body.length}-byte sheet from a local origin (${RUNS} runs)`,
      rows: [
        row('baseline: plain node:http GET', baseline),
        row('fetchSource 200 (all checks)', full),
        row('fetchSource 304 (If-None-Match)', notModified),
        row(`refreshAll ${SOURCES} sources, concurrency 1`, serial),
        row(`refreshAll ${SOURCES} sources, concurrency 4`, bounded),
      ],
      notes: [
        `fetchSource 200 / baseline: ${fmt(median(full) / median(baseline))}x. refreshAll: the origin holds each ` +
          `answer ${HOLD_MS} ms, so concurrency 4 should take about a quarter of concurrency 1 ` +
          `(measured ${fmt(median(serial) / median(bounded))}x faster).`,
      ],
    };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
