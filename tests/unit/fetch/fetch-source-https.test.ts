import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FetchError } from '../../../shared/errors';
import { fetchSource } from '../../../shared/fetch/fetch-source';
import type { FetchPolicy } from '../../../shared/fetch/policy';
import { fixturePath } from '../../support/fixtures';

const TLS = fixturePath('tls');
const cert = readFileSync(join(TLS, 'origin.test.crt'), 'utf8');
let server: Server;
let port: number;
let requests = 0;
let policy: FetchPolicy;

beforeAll(async () => {
  server = createServer({ cert, key: readFileSync(join(TLS, 'origin.test.key')) }, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/plain' }).end('served over TLS');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  policy = {
    allowedHosts: ['origin.test', 'other.test'],
    allowPrivateAddresses: true,
    timeoutMs: 2000,
    maxBytes: 1024,
    maxRedirects: 3,
    tlsCa: cert,
    // Both names "resolve" to the local server; only origin.test matches its certificate.
    resolve: async () => [{ address: '127.0.0.1', family: 4 }],
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchSource over https with a pinned address', () => {
  it('keeps SNI and certificate verification for the URL host', async () => {
    const got = await fetchSource(`https://origin.test:${port}/mali`, {}, policy);
    expect(got.status === 'fetched' && Buffer.from(got.bytes).toString()).toBe('served over TLS');
  });

  it('refuses a certificate that does not name the host, sending no request', async () => {
    const before = requests;
    const err = await fetchSource(`https://other.test:${port}/mali`, {}, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).reason).toBe('network');
    expect((err as FetchError).message).toMatch(/other\.test/);
    expect(requests).toBe(before);
  });

  it('does not trust the self-signed certificate without the extra CA', async () => {
    const { tlsCa: _unused, ...untrusting } = policy;
    const err = await fetchSource(`https://origin.test:${port}/mali`, {}, untrusting).catch(
      (e: unknown) => e,
    );
    expect((err as FetchError).reason).toBe('network');
  });
});
