import { gzipSync } from 'node:zlib';
import { FetchError } from '../../../shared/errors';
import { fetchSource } from '../../../shared/fetch/fetch-source';
import type { FetchPolicy, Resolver } from '../../../shared/fetch/policy';
import { startTestOrigin, type TestOrigin } from '../../support/test-origin';

const BODY = '<html><body><h1>U.S. Relations With Mali</h1><p>$148 million in FY 2021.</p></body></html>';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Wed, 01 Jan 2025 00:00:00 GMT';

let origin: TestOrigin;
let policy: FetchPolicy;

async function refusal(url: string, p: FetchPolicy = policy): Promise<FetchError> {
  try {
    await fetchSource(url, {}, p);
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return err as FetchError;
  }
  throw new Error(`${url} was fetched`);
}

beforeAll(async () => {
  origin = await startTestOrigin();
  policy = {
    allowedHosts: ['127.0.0.1', 'origin.test'],
    allowPrivateAddresses: true,
    timeoutMs: 400,
    maxBytes: 64 * 1024,
    maxRedirects: 3,
  };
  origin.route('/sheet', (req, res) => {
    if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304).end();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      etag: ETAG,
      'last-modified': LAST_MODIFIED,
    });
    res.end(BODY);
  });
  origin.route('/plain', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end('plain text'),
  );
  origin.route('/gzip', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(BODY)),
  );
  origin.route('/since', (req, res) => {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end(BODY);
  });
  origin.route('/hop1', (_req, res) => res.writeHead(302, { location: '/hop2' }).end());
  origin.route('/hop2', (_req, res) => res.writeHead(301, { location: `${origin.base}/sheet` }).end());
  origin.route('/loop', (_req, res) => res.writeHead(307, { location: '/loop' }).end());
  origin.route('/away', (_req, res) => res.writeHead(302, { location: 'https://evil.example/steal' }).end());
  origin.route('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  origin.route('/error', (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'));
  origin.route('/pdf', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
  );
  origin.route('/untyped', (_req, res) => res.writeHead(200).end('who knows'));
  origin.route('/slow', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html>');
    const timer = setTimeout(() => res.end('</html>'), 3000);
    res.on('close', () => clearTimeout(timer));
  });
  origin.route('/declared-huge', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) });
    res.write('<html>');
  });
  origin.route('/endless', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const pump = () => {
      while (res.write(chunk)) if (res.destroyed) return;
    };
    res.on('drain', pump);
    pump();
  });
});

afterAll(() => origin.close());
beforeEach(() => origin.resetCounters());

describe('fetchSource', () => {
  it('fetches an HTML sheet with its validators', async () => {
    const got = await fetchSource(`${origin.base}/sheet`, {}, policy);
    expect(got).toEqual({
      status: 'fetched',
      url: `${origin.base}/sheet`,
      bytes: new Uint8Array(Buffer.from(BODY)),
      contentType: 'text/html',
      etag: ETAG,
      lastModified: LAST_MODIFIED,
    });
  });

  it('sends If-None-Match and If-Modified-Since and reports a 304', async () => {
    expect(await fetchSource(`${origin.base}/sheet`, { etag: ETAG }, policy)).toEqual({
      status: 'not-modified',
      url: `${origin.base}/sheet`,
    });
    expect((await fetchSource(`${origin.base}/since`, { lastModified: LAST_MODIFIED }, policy)).status).toBe(
      'not-modified',
    );
    expect(origin.requests.map((r) => [r.headers['if-none-match'], r.headers['if-modified-since']])).toEqual([
      [ETAG, undefined],
      [undefined, LAST_MODIFIED],
    ]);
  });

  it('accepts text/plain and decodes a gzip body', async () => {
    const plain = await fetchSource(`${origin.base}/plain`, {}, policy);
    expect(plain.status === 'fetched' && plain.contentType).toBe('text/plain');
    const gz = await fetchSource(`${origin.base}/gzip`, {}, policy);
    expect(gz.status === 'fetched' && Buffer.from(gz.bytes).toString()).toBe(BODY);
  });

  it('follows up to 3 redirects and reports the final URL', async () => {
    const got = await fetchSource(`${origin.base}/hop1`, {}, policy);
    expect(got.url).toBe(`${origin.base}/sheet`);
    expect(origin.requests.map((r) => r.path)).toEqual(['/hop1', '/hop2', '/sheet']);
  });

  it('stops a redirect loop after 3 redirects', async () => {
    const err = await refusal(`${origin.base}/loop`);
    expect(err.reason).toBe('redirects');
    expect(origin.hits.get('/loop')).toBe(4);
  });

  it('checks a redirect target like the first URL', async () => {
    const away = await refusal(`${origin.base}/away`);
    expect(away.reason).toBe('host-not-allowed');
    expect(away.message).toContain('evil.example');
    expect((await refusal(`${origin.base}/to-file`)).reason).toBe('scheme');
  });

  it('refuses an error status, a wrong or missing content type', async () => {
    const status = await refusal(`${origin.base}/error`);
    expect([status.reason, status.message]).toEqual(['status', `${origin.base}/error answered HTTP 500`]);
    const pdf = await refusal(`${origin.base}/pdf`);
    expect(pdf.reason).toBe('content-type');
    expect(pdf.message).toContain('application/pdf');
    expect((await refusal(`${origin.base}/untyped`)).reason).toBe('content-type');
  });

  it('gives up at the deadline', async () => {
    const err = await refusal(`${origin.base}/slow`);
    expect(err.reason).toBe('timeout');
    expect(err.message).toContain('within 400 ms');
  });

  it('refuses an over-size Content-Length before reading, and an endless body while streaming', async () => {
    const declared = await refusal(`${origin.base}/declared-huge`);
    expect(declared.reason).toBe('too-large');
    expect(declared.message).toContain('declares 10485760 bytes');
    const endless = await refusal(`${origin.base}/endless`);
    expect(endless.reason).toBe('too-large');
    expect(endless.message).toContain('exceeds the 65536-byte limit');
  });

  it('refuses loopback targets unless private addresses are allowed, without connecting', async () => {
    const err = await refusal(`${origin.base}/sheet`, { ...policy, allowPrivateAddresses: false });
    expect(err.reason).toBe('private-address');
    expect(err.message).toContain('127.0.0.1, a loopback address');
    expect(origin.requests).toHaveLength(0);
  });

  it('refuses an allowlisted name that resolves to a private address (also among public ones)', async () => {
    const strict = { ...policy, allowPrivateAddresses: false };
    const toTen: Resolver = async () => [{ address: '10.0.0.5', family: 4 }];
    const err = await refusal('http://origin.test/sheet', { ...strict, resolve: toTen });
    expect(err.reason).toBe('private-address');
    expect(err.message).toContain('10.0.0.5, a private address');
    const mixed: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:169.254.169.254', family: 6 },
    ];
    expect((await refusal('http://origin.test/sheet', { ...strict, resolve: mixed })).reason).toBe(
      'private-address',
    );
  });

  it('connects to the address it checked, resolving the name once', async () => {
    const resolve = jest.fn<ReturnType<Resolver>, Parameters<Resolver>>(async () => [
      { address: '127.0.0.1', family: 4 },
    ]);
    const got = await fetchSource(`http://origin.test:${origin.port}/sheet`, {}, { ...policy, resolve });
    expect(got.status).toBe('fetched');
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(origin.requests[0]?.headers.host).toBe(`origin.test:${origin.port}`);
  });

  it('times out a resolver that never answers', async () => {
    const hang: Resolver = () => new Promise(() => {});
    expect((await refusal('http://origin.test/sheet', { ...policy, resolve: hang })).reason).toBe('timeout');
  });

  it('refuses file://, ftp:// and hosts off the allowlist without any request', async () => {
    expect((await refusal('file:///etc/passwd')).reason).toBe('scheme');
    expect((await refusal('ftp://127.0.0.1/sheet.txt')).reason).toBe('scheme');
    expect((await refusal('http://localhost/sheet')).reason).toBe('host-not-allowed');
    expect(origin.requests).toHaveLength(0);
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = await startTestOrigin();
    await closed.close();
    const err = await refusal(`${closed.base}/sheet`);
    expect(err.reason).toBe('network');
  });
});
