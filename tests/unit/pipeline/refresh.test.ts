import { createHash } from 'node:crypto';
import { FetchError } from '../../../shared/errors';
import type { FetchOutcome, SourceFetcher } from '../../../shared/fetch/fetch-source';
import type { FetchPolicy } from '../../../shared/fetch/policy';
import { refreshAll } from '../../../shared/pipeline/refresh';
import type { SourceDeps } from '../../../shared/pipeline/source-deps';
import type { SourceRecord } from '../../../shared/store/ports';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySourceRepository } from '../../support/fakes/memory-sources';

const POLICY: FetchPolicy = {
  allowedHosts: ['www.state.gov'],
  allowPrivateAddresses: false,
  timeoutMs: 1000,
  maxBytes: 1024,
  maxRedirects: 3,
};
const NOW = new Date('2026-01-02T03:04:05.000Z');
const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function source(id: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return {
    id,
    url: `https://www.state.gov/${id}/`,
    enabled: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function setup(answer: (url: string) => Promise<FetchOutcome>) {
  const sources = new InMemorySourceRepository();
  const blobs = new InMemoryBlobStore();
  const fetch = jest.fn<ReturnType<SourceFetcher>, Parameters<SourceFetcher>>((url) => answer(url));
  const logger = { info: jest.fn(), warn: jest.fn() };
  const metrics = { addMetric: jest.fn() };
  const deps: SourceDeps = { sources, blobs, policy: POLICY, fetch, now: () => NOW, logger, metrics };
  return { deps, sources, blobs, fetch, logger, metrics };
}

const fetched = (
  text: string,
  extra: Partial<Extract<FetchOutcome, { status: 'fetched' }>> = {},
): FetchOutcome => ({
  status: 'fetched',
  url: 'https://www.state.gov/x/',
  bytes: bytes(text),
  contentType: 'text/html',
  ...extra,
});

describe('refreshAll', () => {
  it('writes changed content to sources/{id}.html and records validators and hash', async () => {
    const { deps, sources, blobs } = setup(async () =>
      fetched('<p>new</p>', { etag: '"e2"', lastModified: 'Tue' }),
    );
    await sources.put(source('mali', { contentHash: sha('<p>old</p>'), etag: '"e1"' }));

    const summary = await refreshAll(deps);

    expect(summary).toMatchObject({ checked: 1, updated: 1, unchanged: 0, failed: 0 });
    expect(summary.results[0]).toEqual({
      id: 'mali',
      status: 'updated',
      key: 'sources/mali.html',
      contentHash: sha('<p>new</p>'),
    });
    expect(Buffer.from(blobs.objects.get('sources/mali.html')!.bytes).toString()).toBe('<p>new</p>');
    expect(blobs.objects.get('sources/mali.html')!.contentType).toBe('text/html');
    expect(await sources.get('mali')).toMatchObject({
      etag: '"e2"',
      lastModified: 'Tue',
      contentHash: sha('<p>new</p>'),
      lastStatus: 'updated',
      lastCheckedAt: NOW.toISOString(),
    });
  });

  it('writes text/plain content to sources/{id}.txt', async () => {
    const { deps, sources, blobs } = setup(async () => fetched('plain', { contentType: 'text/plain' }));
    await sources.put(source('chad'));
    await refreshAll(deps);
    expect([...blobs.objects.keys()]).toEqual(['sources/chad.txt']);
  });

  it('sends the stored validators and on 304 records only the check', async () => {
    const { deps, sources, blobs, fetch } = setup(async (url) => ({ status: 'not-modified', url }));
    const before = source('mali', {
      etag: '"e1"',
      lastModified: 'Mon',
      contentHash: 'h',
      lastError: 'old failure',
    });
    await sources.put(before);

    const summary = await refreshAll(deps);

    expect(fetch).toHaveBeenCalledWith(before.url, { etag: '"e1"', lastModified: 'Mon' }, POLICY);
    expect(summary).toMatchObject({ checked: 1, unchanged: 1, updated: 0 });
    expect(blobs.objects.size).toBe(0);
    const { lastError, ...kept } = before;
    expect(lastError).toBeDefined();
    expect(await sources.get('mali')).toEqual({
      ...kept,
      lastStatus: 'unchanged',
      lastCheckedAt: NOW.toISOString(),
    });
  });

  it('treats a 200 with the same bytes as unchanged and drops an ETag the origin no longer sends', async () => {
    const { deps, sources, blobs } = setup(async () => fetched('same'));
    await sources.put(source('mali', { contentHash: sha('same'), etag: '"stale"' }));

    const summary = await refreshAll(deps);

    expect(summary.results[0]).toEqual({ id: 'mali', status: 'unchanged', contentHash: sha('same') });
    expect(blobs.objects.size).toBe(0);
    const after = await sources.get('mali');
    expect(after?.etag).toBeUndefined();
    expect(after?.lastStatus).toBe('unchanged');
  });

  it('records a failure on its source while the others still refresh', async () => {
    const { deps, sources, blobs } = setup(async (url) => {
      if (url.includes('broken'))
        throw new FetchError('timeout', `${url} did not answer completely within 1000 ms`);
      return fetched(url);
    });
    for (const id of ['a-ok', 'broken', 'z-ok']) await sources.put(source(id));

    const summary = await refreshAll(deps);

    expect(summary).toMatchObject({ checked: 3, updated: 2, failed: 1, unchanged: 0 });
    expect(summary.results.map((r) => [r.id, r.status, r.reason])).toEqual([
      ['a-ok', 'updated', undefined],
      ['broken', 'failed', 'timeout'],
      ['z-ok', 'updated', undefined],
    ]);
    expect(await sources.get('broken')).toMatchObject({
      lastStatus: 'failed',
      lastError: 'timeout: https://www.state.gov/broken/ did not answer completely within 1000 ms',
      lastCheckedAt: NOW.toISOString(),
    });
    expect([...blobs.objects.keys()].sort()).toEqual(['sources/a-ok.html', 'sources/z-ok.html']);
  });

  it('reports a failing blob store as a failed source, leaving the stored hash so the next run retries', async () => {
    const { deps, sources, blobs } = setup(async () => fetched('new'));
    jest.spyOn(blobs, 'put').mockRejectedValue(new Error('disk full'));
    await sources.put(source('mali', { contentHash: 'old' }));

    const summary = await refreshAll(deps);

    expect(summary.results[0]).toMatchObject({ status: 'failed', reason: 'internal', error: 'disk full' });
    expect(await sources.get('mali')).toMatchObject({ contentHash: 'old', lastStatus: 'failed' });
  });

  it('skips disabled sources', async () => {
    const { deps, sources, fetch } = setup(async () => fetched('x'));
    await sources.put(source('off', { enabled: false }));
    await sources.put(source('on'));
    const summary = await refreshAll(deps);
    expect(summary.results.map((r) => r.id)).toEqual(['on']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps at most `concurrency` fetches in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const { deps, sources } = setup(async (url) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return fetched(url);
    });
    for (let i = 0; i < 20; i++) await sources.put(source(`s-${String(i).padStart(2, '0')}`));

    const defaults = await refreshAll(deps);
    expect(defaults.checked).toBe(20);
    expect(peak).toBe(4);

    peak = 0;
    await refreshAll(deps, { concurrency: 2 });
    expect(peak).toBe(2);
  });

  it('logs the summary and emits it as metrics', async () => {
    const { deps, sources, logger, metrics } = setup(async (url) => {
      if (url.includes('bad')) throw new FetchError('status', `${url} answered HTTP 500`);
      return { status: 'not-modified', url };
    });
    await sources.put(source('bad'));
    await sources.put(source('good'));

    await refreshAll(deps);

    expect(logger.info).toHaveBeenCalledWith('refresh summary', {
      checked: 2,
      unchanged: 1,
      updated: 0,
      failed: 1,
      failures: [{ id: 'bad', reason: 'status' }],
    });
    expect(metrics.addMetric.mock.calls).toEqual([
      ['SourcesChecked', 'Count', 2],
      ['SourcesUnchanged', 'Count', 1],
      ['SourcesUpdated', 'Count', 0],
      ['SourcesFailed', 'Count', 1],
    ]);
  });
});
