/**
 * Failing sources on a real origin, with the real S3 and DynamoDB: each failure is recorded on its own
 * source with a clear reason while the healthy sources still refresh.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { S3BlobStore } from '../../shared/blobs/s3-blob-store';
import { fetchSource } from '../../shared/fetch/fetch-source';
import type { FetchPolicy, Resolver } from '../../shared/fetch/policy';
import { refreshAll } from '../../shared/pipeline/refresh';
import type { SourceDeps } from '../../shared/pipeline/source-deps';
import { DynamoSourceRepository } from '../../shared/store/dynamo-sources';
import type { SourceRecord } from '../../shared/store/ports';
import { servedSheet } from '../support/refresh-fixtures';
import { createTestResources } from '../support/resources';
import { type RouteHandler, startTestOrigin, type TestOrigin } from '../support/test-origin';

const sheet = servedSheet();
const MAX_BYTES = 2 * 1024 * 1024;
let origin: TestOrigin;
let deps: SourceDeps;
let bucketName: string;
const resolved: string[] = [];

// internal.test is on the allowlist but resolves to 10.0.0.5: the fetch must refuse before any connection.
const resolver: Resolver = async (host) => {
  resolved.push(host);
  return host === 'internal.test'
    ? [{ address: '10.0.0.5', family: 4 }]
    : [{ address: '127.0.0.1', family: 4 }];
};

function record(id: string, url: string): SourceRecord {
  const at = '2026-01-01T00:00:00.000Z';
  return { id, url, enabled: true, createdAt: at, updatedAt: at };
}

beforeAll(async () => {
  ({ bucketName } = await createTestResources('refresh-fail'));
  origin = await startTestOrigin();
  const ok =
    (body: string): RouteHandler =>
    (_req, res) =>
      res.writeHead(200, { 'content-type': sheet.contentType, etag: '"ok"' }).end(body);
  origin.route('/good-a', ok(sheet.body));
  origin.route('/good-b', ok(sheet.revised));
  origin.route('/error', (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'));
  origin.route('/slow', (_req, res) => {
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 5000);
    res.on('close', () => clearTimeout(timer));
  });
  origin.route('/huge', (_req, res) => {
    // No Content-Length: only the streaming cap can stop it.
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(256 * 1024, 'x');
    let sent = 0;
    const pump = () => {
      while (sent < 3 * MAX_BYTES && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return;
      }
      res.end();
    };
    res.on('drain', pump);
    pump();
  });
  origin.route('/pdf', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
  );
  origin.route('/away', (_req, res) => res.writeHead(302, { location: 'https://evil.example/mali' }).end());

  const policy: FetchPolicy = {
    allowedHosts: ['127.0.0.1', 'internal.test'],
    allowPrivateAddresses: true,
    // Long enough for the 2 MiB-plus body to stream to the size cap on a busy machine (it lost that race at 500 ms);
    // the slow route still answers only after 5 s.
    timeoutMs: 2000,
    maxBytes: MAX_BYTES,
    maxRedirects: 3,
    resolve: resolver,
  };
  deps = {
    sources: new DynamoSourceRepository(documentClient(), process.env.TABLE_NAME!),
    blobs: new S3BlobStore(s3Client(), bucketName),
    policy,
    // The origin lives on loopback, so the run must allow private addresses to reach it; the real fetcher
    // gets the production rule (refuse private addresses) for the one source that exercises it.
    fetch: (url, validators, p) =>
      fetchSource(
        url,
        validators,
        url.includes('internal.test') ? { ...p, allowPrivateAddresses: false } : p,
      ),
  };
  for (const [id, url] of [
    ['good-a', `${origin.base}/good-a`],
    ['good-b', `${origin.base}/good-b`],
    ['http-500', `${origin.base}/error`],
    ['slow', `${origin.base}/slow`],
    ['huge', `${origin.base}/huge`],
    ['pdf', `${origin.base}/pdf`],
    ['redirect-away', `${origin.base}/away`],
    ['file-url', 'file:///etc/passwd'],
    ['ftp-url', `ftp://127.0.0.1:${origin.port}/mali.txt`],
    ['private-name', `http://internal.test:${origin.port}/good-a`],
  ] as const) {
    await deps.sources.put(record(id, url));
  }
});

afterAll(() => origin.close());

describe('refresh with failing sources', () => {
  it('records each failure with a clear reason while the healthy sources refresh', async () => {
    const summary = await refreshAll(deps);

    expect(summary).toMatchObject({ checked: 10, updated: 2, unchanged: 0, failed: 8 });
    const byId = Object.fromEntries(summary.results.map((r) => [r.id, r]));
    expect(byId['good-a']).toMatchObject({ status: 'updated', key: `sources/good-a.${sheet.extension}` });
    expect(byId['good-b']).toMatchObject({ status: 'updated', key: `sources/good-b.${sheet.extension}` });
    const expected: Record<string, [string, RegExp]> = {
      'http-500': ['status', /answered HTTP 500/],
      slow: ['timeout', /did not answer completely within 2000 ms/],
      huge: ['too-large', /exceeds the 2097152-byte limit/],
      pdf: ['content-type', /content type "application\/pdf"/],
      'redirect-away': ['host-not-allowed', /"evil\.example" is not on the allowlist/],
      'file-url': ['scheme', /file:\/\/ URLs are not fetched/],
      'ftp-url': ['scheme', /ftp:\/\/ URLs are not fetched/],
      'private-name': ['private-address', /resolves to 10\.0\.0\.5, a private address/],
    };
    for (const [id, [reason, message]] of Object.entries(expected)) {
      expect(byId[id]).toMatchObject({ status: 'failed', reason });
      const stored = await deps.sources.get(id);
      expect(stored?.lastStatus).toBe('failed');
      expect(stored?.lastError).toMatch(new RegExp(`^${reason}: `));
      expect(stored?.lastError).toMatch(message);
      expect(stored?.lastCheckedAt).toBeDefined();
    }
  });

  it('wrote only the healthy sources to S3 and sent no traffic for refused URLs', async () => {
    const head = (key: string) =>
      s3Client()
        .send(new HeadObjectCommand({ Bucket: bucketName, Key: key }))
        .then(
          () => true,
          () => false,
        );
    expect(await head(`sources/good-a.${sheet.extension}`)).toBe(true);
    expect(await head(`sources/good-b.${sheet.extension}`)).toBe(true);
    for (const id of ['http-500', 'slow', 'huge', 'pdf', 'redirect-away', 'private-name']) {
      expect(await head(`sources/${id}.html`)).toBe(false);
      expect(await head(`sources/${id}.txt`)).toBe(false);
    }
    expect(resolved).toEqual(['internal.test']);
    expect(origin.requests.map((r) => r.path).sort()).toEqual(
      ['/away', '/error', '/good-a', '/good-b', '/huge', '/pdf', '/slow'].sort(),
    );
  });
});
