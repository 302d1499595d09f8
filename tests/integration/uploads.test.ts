/**
 * The upload resource through the real handlers on the emulators: functions/api.ts (proxy events) writes
 * the pending record and the object, functions/ingest.ts (the S3 event) records each outcome, and every
 * body is checked against the served OpenAPI document.
 */
import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyResult } from 'aws-lambda';
// Imported after env.ts; both handlers wire themselves on first invocation.
import { handler as api } from '../../functions/api';
import { handler as ingest } from '../../functions/ingest';
import { s3Client } from '../../shared/aws/clients';
import { responseChecker } from '../support/openapi-support';
import { fixture } from '../support/pipeline-deps';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, type TestResources } from '../support/resources';
import { putEvent } from '../support/s3-events';

let resources: TestResources;
let check: ReturnType<typeof responseChecker>;

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const NO_CONTENT = '<html><body><nav>Home</nav></body></html>';

async function call(method: string, target: string, options: Parameters<typeof proxyEvent>[2] = {}) {
  const result = (await api(proxyEvent(method, target, options))) as APIGatewayProxyResult;
  const headers = result.headers as Record<string, string>;
  const json = String(headers['Content-Type']).includes('json') ? JSON.parse(result.body) : undefined;
  return { status: result.statusCode, headers, json };
}

async function conforming(method: string, target: string, resource: string, options = {}) {
  const res = await call(method, target, options);
  expect([target, check(resource, method, res.status, res.headers['Content-Type'] ?? '', res.json)]).toEqual([
    target,
    [],
  ]);
  return res;
}

/** PUT through the api (the authorizer ran at the gateway: proxy events carry no token check). */
function upload(id: string, body: string | Uint8Array, contentType = 'text/plain') {
  return conforming('PUT', `/sheets/${id}/source`, '/sheets/{id}/source', {
    headers: { 'Content-Type': `${contentType}; charset=utf-8` },
    body,
  });
}

const ingestKey = (key: string) => ingest(putEvent(resources.bucketName, key));
const status = (id: string, uploadId: string) =>
  conforming('GET', `/sheets/${id}/uploads/${uploadId}`, '/sheets/{id}/uploads/{uploadId}');

beforeAll(async () => {
  resources = await createTestResources('uploads');
  check = responseChecker((await call('GET', '/openapi.json')).json);
});

describe('the upload resource on the emulators', () => {
  it('PUT → 202 naming the upload (sha256 of the bytes); pending until ingest, then published', async () => {
    const bytes = fixture('sheets/mali.txt');
    const put = await upload('up-mali', bytes);
    expect(put.status).toBe(202);
    expect(put.json).toMatchObject({ uploadId: sha(bytes), status: 'accepted' });
    expect(put.headers.Location).toBe(`/prod/sheets/up-mali/uploads/${sha(bytes)}`);

    const pending = await status('up-mali', sha(bytes));
    expect(pending.status).toBe(200);
    expect(pending.headers['Cache-Control']).toBe('no-store');
    expect(pending.json).toMatchObject({
      status: 'pending',
      key: 'sources/up-mali.txt',
      bytes: bytes.length,
    });

    await ingestKey('sources/up-mali.txt');
    const published = await status('up-mali', sha(bytes));
    expect(published.json).toMatchObject({
      status: 'published',
      revision: 1,
      location: '/prod/sheets/up-mali/revisions/1',
    });
    expect(published.json.decidedAt).toEqual(expect.any(String));
  });

  it('identical bytes name the same upload, which restarts as pending and ends unchanged', async () => {
    const bytes = fixture('sheets/mali.txt');
    const again = await upload('up-mali', bytes);
    expect(again.json.uploadId).toBe(sha(bytes));
    expect((await status('up-mali', sha(bytes))).json.status).toBe('pending');
    await ingestKey('sources/up-mali.txt');
    expect((await status('up-mali', sha(bytes))).json).toMatchObject({ status: 'unchanged', revision: 1 });
  });

  it('a rejected upload carries the reason and the whole message; the previous revision keeps serving', async () => {
    await upload('up-html', fixture('sheets/mali.html'), 'text/html');
    await ingestKey('sources/up-html.html');
    await upload('up-html', NO_CONTENT, 'text/html');
    await ingestKey('sources/up-html.html');
    const rejected = await status('up-html', sha(NO_CONTENT));
    expect(rejected.json).toMatchObject({ status: 'rejected', reason: 'no-content' });
    expect(rejected.json.message.length).toBeGreaterThan(10);
    expect(rejected.json.revision).toBeUndefined();
    const sheet = await call('GET', '/sheets/up-html');
    expect([sheet.status, sheet.json]).toMatchObject([200, { latestRevision: 1 }]);
  });

  it('a rejected new sheet is known at once (no revision ever published)', async () => {
    await upload('up-empty', NO_CONTENT, 'text/html');
    await ingestKey('sources/up-empty.html');
    expect((await status('up-empty', sha(NO_CONTENT))).json).toMatchObject({
      status: 'rejected',
      reason: 'no-content',
    });
  });

  it('an older pending upload is superseded by the newer one ingest decided on', async () => {
    const first = fixture('sheets/mali.txt');
    const second = fixture('sheets/mali-revised.txt');
    await upload('up-race', first);
    await upload('up-race', second);
    // Both events arrive; the first already reads the newer bytes (S3 keeps one object per key).
    await ingestKey('sources/up-race.txt');
    await ingestKey('sources/up-race.txt');
    expect((await status('up-race', sha(second))).json).toMatchObject({ status: 'published', revision: 1 });
    expect((await status('up-race', sha(first))).json).toMatchObject({
      status: 'superseded',
      supersededBy: sha(second),
    });
  });

  it('GET /sheets/{id}/uploads lists uploads newest first, paginated with a cursor', async () => {
    const page1 = await conforming('GET', '/sheets/up-mali/uploads?limit=1', '/sheets/{id}/uploads');
    expect(page1.headers['Cache-Control']).toBe('no-store');
    expect(page1.json.items.map((u: { uploadId: string }) => u.uploadId)).toEqual([
      sha(fixture('sheets/mali.txt')),
    ]);
    const page2 = await conforming('GET', `/sheets/up-race/uploads?limit=1`, '/sheets/{id}/uploads');
    const page3 = await conforming(
      'GET',
      `/sheets/up-race/uploads?limit=5&cursor=${page2.json.nextCursor}`,
      '/sheets/{id}/uploads',
    );
    const ids = [...page2.json.items, ...page3.json.items].map((u: { uploadId: string }) => u.uploadId);
    expect(ids).toEqual([sha(fixture('sheets/mali-revised.txt')), sha(fixture('sheets/mali.txt'))]);
    expect(page3.json.nextCursor).toBeUndefined();
    const forged = await call('GET', '/sheets/up-mali/uploads?cursor=abc');
    expect([forged.status, forged.json.parameter]).toEqual([400, 'cursor']);
  });

  it('an unknown upload is a 404, a malformed id a 400 naming uploadId', async () => {
    const unknown = await conforming(
      'GET',
      `/sheets/up-mali/uploads/${sha('never uploaded')}`,
      '/sheets/{id}/uploads/{uploadId}',
    );
    expect(unknown.status).toBe(404);
    const bad = await call('GET', '/sheets/up-mali/uploads/not-a-hash');
    expect([bad.status, bad.json.parameter]).toEqual([400, 'uploadId']);
  });
});

describe('read-after-write on the emulators', () => {
  it('a 404 for a sheet that is not published yet is never reused', async () => {
    expect((await call('GET', '/sheets/up-new')).status).toBe(404);
    await upload('up-new', fixture('sheets/mali.txt'));
    await ingestKey('sources/up-new.txt');
    expect((await call('GET', '/sheets/up-new')).json.latestRevision).toBe(1);
  });

  it('after `published`, the revision is readable by number, and `no-cache` reads the latest pointer fresh', async () => {
    // Warm the process's caches with revision 1.
    expect((await call('GET', '/sheets/up-new')).json.latestRevision).toBe(1);
    expect((await call('GET', '/sheets/up-new/figures')).json.revision).toBe(1);
    const revised = fixture('sheets/mali-revised.txt');
    // Written behind this api process's back (as another Lambda instance would), so nothing invalidated.
    await s3Client().send(
      new PutObjectCommand({ Bucket: resources.bucketName, Key: 'sources/up-new.txt', Body: revised }),
    );
    await ingestKey('sources/up-new.txt');
    expect((await status('up-new', sha(revised))).json).toMatchObject({ status: 'published', revision: 2 });
    expect((await call('GET', '/sheets/up-new/revisions/2')).status).toBe(200);
    const fresh = { headers: { 'Cache-Control': 'no-cache' } };
    expect((await call('GET', '/sheets/up-new', fresh)).json.latestRevision).toBe(2);
    expect((await call('GET', '/sheets/up-new/figures', fresh)).json.revision).toBe(2);
    expect((await call('GET', '/sheets/up-new/sections', fresh)).json.revision).toBe(2);
  });
});
