import { createHash } from 'node:crypto';
/**
 * The local HTTP adapter over real HTTP: API Gateway-shaped events, the TOKEN authorizer run like the
 * gateway runs it (401 missing/malformed, 403 wrong token), byte-exact bodies both ways.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
// Imported after env.ts: the adapter loads functions/api.ts and functions/authorizer.ts.
import { handler as ingest } from '../../functions/ingest';
import { createLocalHttpServer } from '../../infra/local/http-adapter';
import { generateToken, hashToken } from '../../shared/auth/token';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources } from '../support/resources';
import { putEvent } from '../support/s3-events';

let resources: TestResources;
let server: Server;
let base: string;
const token = generateToken();

async function sourceKeys(): Promise<string[]> {
  const listed = await s3Client().send(
    new ListObjectsV2Command({ Bucket: resources.bucketName, Prefix: 'sources/' }),
  );
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

function put(path: string, body: string | Uint8Array, headers: Record<string, string>) {
  return fetch(`${base}${path}`, { method: 'PUT', body, headers });
}

beforeAll(async () => {
  resources = await createTestResources('apihttp');
  await new DynamoTokenRepository(documentClient(), resources.tableName).putTokenHash(
    hashToken(token),
    'test',
  );
  await s3Client().send(
    new PutObjectCommand({
      Bucket: resources.bucketName,
      Key: 'sources/mali.txt',
      Body: fixture('sheets/mali.txt'),
    }),
  );
  await ingest(putEvent(resources.bucketName, 'sources/mali.txt'));
  server = createLocalHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

describe('local HTTP adapter', () => {
  it('serves GET /sheets/mali with ETag, and 304 on If-None-Match', async () => {
    const res = await fetch(`${base}/sheets/mali`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await res.json()) as { id: string }).id).toBe('mali');
    const etag = res.headers.get('etag')!;
    const again = await fetch(`${base}/sheets/mali`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('passes repeated query parameters through multiValueQueryStringParameters', async () => {
    const res = await fetch(`${base}/sheets?limit=1&limit=2`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { parameter: string }).parameter).toBe('limit');
  });

  it('writes binary bodies byte for byte (base64 from the handler)', async () => {
    const res = await fetch(`${base}/docs/favicon-32x32.png`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it.each([
    ['no Authorization header', 401, {}],
    ['a malformed header', 401, { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['a wrong token', 403, { Authorization: 'Bearer not-the-token' }],
  ])('refuses an upload with %s → %i problem+json, writes nothing', async (_label, status, auth) => {
    const before = await sourceKeys();
    const res = await put('/sheets/newsheet/source', 'U.S. Relations With Nowhere', {
      'Content-Type': 'text/plain',
      ...auth,
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { status: number };
    expect(body.status).toBe(status);
    expect(JSON.stringify(body)).not.toContain('not-the-token');
    expect(await sourceKeys()).toEqual(before);
  });

  it('accepts an upload with the token: 202, Location, the object in S3', async () => {
    const res = await put('/sheets/newsheet/source', fixture('sheets/mali.txt'), {
      'Content-Type': 'text/plain; charset=utf-8',
      Authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(202);
    const uploadId = createHash('sha256').update(fixture('sheets/mali.txt')).digest('hex');
    expect(res.headers.get('location')).toBe(`/sheets/newsheet/uploads/${uploadId}`);
    expect(await sourceKeys()).toEqual(['sources/mali.txt', 'sources/newsheet.txt']);
  });

  it('the upload resource over HTTP: pending, then published or rejected, never cached', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const good = await put('/sheets/http-up/source', fixture('sheets/mali.txt'), {
      'Content-Type': 'text/plain',
      ...auth,
    });
    const location = `${base}${good.headers.get('location')}`;
    const pending = await fetch(location);
    expect([pending.status, pending.headers.get('cache-control')]).toEqual([200, 'no-store']);
    expect(((await pending.json()) as { status: string }).status).toBe('pending');
    await ingest(putEvent(resources.bucketName, 'sources/http-up.txt'));
    expect(await (await fetch(location)).json()).toMatchObject({ status: 'published', revision: 1 });

    const bad = await put('/sheets/http-bad/source', '<html><body><nav>Home</nav></body></html>', {
      'Content-Type': 'text/html',
      ...auth,
    });
    await ingest(putEvent(resources.bucketName, 'sources/http-bad.html'));
    const rejected = await fetch(`${base}${bad.headers.get('location')}`);
    expect(await rejected.json()).toMatchObject({ status: 'rejected', reason: 'no-content' });
    const listed = (await (await fetch(`${base}/sheets/http-up/uploads`)).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
  });

  it('the upload resource over HTTP: identical bytes end unchanged, an older pending upload superseded', async () => {
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' };
    const same = await put('/sheets/http-up/source', fixture('sheets/mali.txt'), auth);
    await ingest(putEvent(resources.bucketName, 'sources/http-up.txt'));
    expect(await (await fetch(`${base}${same.headers.get('location')}`)).json()).toMatchObject({
      status: 'unchanged',
      revision: 1,
    });
    const older = await put('/sheets/http-up/source', `${fixture('sheets/mali.txt')}\nOlder.`, auth);
    const newer = await put('/sheets/http-up/source', fixture('sheets/mali-revised.txt'), auth);
    await ingest(putEvent(resources.bucketName, 'sources/http-up.txt'));
    expect(await (await fetch(`${base}${newer.headers.get('location')}`)).json()).toMatchObject({
      status: 'published',
      revision: 2,
    });
    const newerId = newer.headers.get('location')!.split('/').pop();
    expect(await (await fetch(`${base}${older.headers.get('location')}`)).json()).toMatchObject({
      status: 'superseded',
      supersededBy: newerId,
    });
  });

  it('refuses invalid UTF-8 even with the token (422) and writes nothing', async () => {
    const before = await sourceKeys();
    const res = await put('/sheets/broken/source', new Uint8Array([0x41, 0xff, 0xfe, 0x42]), {
      'Content-Type': 'text/plain',
      Authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { reason: string }).reason).toBe('invalid-utf8');
    expect(await sourceKeys()).toEqual(before);
  });

  it('source registry: register (201), read, list, delete (204), then 404', async () => {
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${base}/sources/mali`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ url: 'https://www.state.gov/u-s-relations-with-mali/' }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { lastStatus: string }).lastStatus).toBe('pending');
    const listed = (await (await fetch(`${base}/sources`)).json()) as { items: { id: string }[] };
    expect(listed.items.map((s) => s.id)).toEqual(['mali']);
    const refused = await fetch(`${base}/sources/mali`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ url: 'file:///etc/passwd' }),
    });
    expect(refused.status).toBe(400);
    const paused = await fetch(`${base}/sources/mali`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ url: 'https://www.state.gov/u-s-relations-with-mali/', enabled: false }),
    });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ id: 'mali', enabled: false });
    const badFlag = await fetch(`${base}/sources/mali`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ url: 'https://www.state.gov/u-s-relations-with-mali/', enabled: 'no' }),
    });
    expect(badFlag.status).toBe(400);
    expect(await badFlag.json()).toMatchObject({ parameter: 'enabled' });
    expect(((await (await fetch(`${base}/sources/mali`)).json()) as { enabled: boolean }).enabled).toBe(
      false,
    );
    expect((await fetch(`${base}/sources/mali`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${base}/sources/mali`)).status).toBe(404);
    expect((await fetch(`${base}/sources/mali`, { method: 'DELETE' })).status).toBe(401);
  });
});
