import { createHash } from 'node:crypto';
/**
 * functions/api.ts against real s3rver + dynalite, with the seed and its revision ingested through the
 * real pipeline (functions/ingest.ts on S3 records). Every body is validated against the served document.
 */
import { readFileSync } from 'node:fs';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResult } from 'aws-lambda';
// Imported after env.ts; both handlers wire themselves on first invocation.
import { handler as api } from '../../functions/api';
import { handler as ingest } from '../../functions/ingest';
import type { LambdaEndpoint } from '../../infra/local/lambda-endpoint';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { fixturePath } from '../support/fixtures';
import { startIngestEndpoint } from '../support/ingest-endpoint';
import { responseChecker, validateDocument } from '../support/openapi-support';
import { fixture } from '../support/pipeline-deps';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';
import { putEvent } from '../support/s3-events';
import { sampleSheet } from '../support/sample-sheet';

let resources: TestResources;
let ingestEndpoint: LambdaEndpoint;
let check: ReturnType<typeof responseChecker>;

async function upload(key: string, bytes: Uint8Array) {
  await s3Client().send(new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: bytes }));
  return ingest(putEvent(resources.bucketName, key));
}

async function call(method: string, target: string, options: Parameters<typeof proxyEvent>[2] = {}) {
  const result = (await api(proxyEvent(method, target, options))) as APIGatewayProxyResult;
  const contentType = String(result.headers?.['Content-Type'] ?? '');
  const json = contentType.includes('json') && result.body ? JSON.parse(result.body) : undefined;
  return { ...result, headers: result.headers as Record<string, string>, json };
}

async function conforming(method: string, target: string, resource: string, options = {}) {
  const res = await call(method, target, options);
  expect([
    target,
    check(resource, method, res.statusCode, res.headers['Content-Type'] ?? '', res.json),
  ]).toEqual([target, []]);
  return res;
}

async function snapshotStores() {
  const objects = await s3Client().send(new ListObjectsV2Command({ Bucket: resources.bucketName }));
  const items = await documentClient().send(
    new ScanCommand({ TableName: resources.tableName, Select: 'COUNT' }),
  );
  return { keys: (objects.Contents ?? []).map((o) => `${o.Key}:${o.ETag}`).sort(), items: items.Count };
}

beforeAll(async () => {
  resources = await createTestResources('api');
  // Reprocess reaches ingest over the Lambda API, as on AWS.
  ingestEndpoint = await startIngestEndpoint();
  expect((await upload('sources/mali.txt', fixture('sheets/mali.txt'))).outcomes[0]).toMatchObject({
    revision: 1,
  });
  expect((await upload('sources/mali.txt', fixture('sheets/mali-revised.txt'))).outcomes[0]).toMatchObject({
    revision: 2,
  });
  expect((await upload('sources/ghost.txt', new Uint8Array())).outcomes[0]).toMatchObject({
    status: 'rejected',
  });
  const doc = await call('GET', '/openapi.json');
  expect(validateDocument(doc.json).valid).toBe(true);
  check = responseChecker(doc.json);
});

afterAll(() => ingestEndpoint.close());

describe('API on the emulators, data from the real pipeline', () => {
  it('GET /sheets/mali: latest revision 2, sections, counts; body matches the document', async () => {
    const res = await conforming('GET', '/sheets/mali', '/sheets/{id}');
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ id: 'mali', latestRevision: 2, country: 'Mali' });
    expect(res.json.sections.length).toBe(res.json.counts.sections);
    expect(res.headers['Cache-Control']).toBe('public, max-age=5');
  });

  it('every read route answers 200 with a conforming body', async () => {
    const sections = (await call('GET', '/sheets/mali/sections')).json.items as { id: string }[];
    const cases: [string, string][] = [
      ['/health', '/health'],
      ['/sheets', '/sheets'],
      ['/sheets/mali/sections', '/sheets/{id}/sections'],
      [`/sheets/mali/sections/${sections[1]!.id}`, '/sheets/{id}/sections/{sectionId}'],
      ['/sheets/mali/figures?kind=money', '/sheets/{id}/figures'],
      ['/sheets/mali/revisions', '/sheets/{id}/revisions'],
      ['/sheets/mali/revisions/1', '/sheets/{id}/revisions/{rev}'],
      ['/sheets/mali/diff', '/sheets/{id}/diff'],
      ['/sheets/mali/diff?from=1&to=2', '/sheets/{id}/diff'],
      ['/figures?kind=money', '/figures'],
      ['/figures?kind=money&fiscalYear=2021&country=Mali', '/figures'],
    ];
    for (const [target, resource] of cases) {
      const res = await conforming('GET', target, resource);
      expect([target, res.statusCode]).toEqual([target, 200]);
    }
  });

  it('serves history: revision 1 keeps the old figures, the diff names the changes', async () => {
    const rev1 = await call('GET', '/sheets/mali/revisions/1');
    expect(rev1.json.sheet.text).toContain('$148 million');
    expect(rev1.headers['Cache-Control']).toContain('immutable');
    const latest = await call('GET', '/sheets/mali/figures?kind=money');
    expect(latest.json.revision).toBe(2);
    expect(latest.json.items.map((f: { text: string }) => f.text)).toContain('$152 million');
    const diff = await call('GET', '/sheets/mali/diff');
    expect(diff.json.from).toBe(1);
    expect(diff.json.to).toBe(2);
    expect(diff.json.figures.changed.map((c: { after: { text: string } }) => c.after.text)).toContain(
      '$152 million',
    );
    const revisions = await call('GET', '/sheets/mali/revisions');
    expect(revisions.json.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('cross-sheet figures come from latest revisions only', async () => {
    const res = await call('GET', '/figures?kind=money&limit=100');
    const mali = res.json.items.filter((f: { sheetId: string }) => f.sheetId === 'mali');
    expect(mali.length).toBeGreaterThan(0);
    expect(new Set(mali.map((f: { revision: number }) => f.revision))).toEqual(new Set([2]));
    expect(mali.map((f: { text: string }) => f.text)).not.toContain('$148 million');
  });

  it("AWS's sample proxy event routes to GET /sheets/{id}/figures", async () => {
    const event = JSON.parse(readFileSync(fixturePath('events/apigateway/AwsProxy.json'), 'utf8'));
    const res = (await api(event)) as APIGatewayProxyResult;
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ sheetId: 'mali', revision: 2 });
  });

  it('answers 304 to If-None-Match on every GET it can', async () => {
    for (const target of [
      '/sheets/mali',
      '/sheets/mali/revisions/1',
      '/figures?kind=money',
      '/openapi.json',
    ]) {
      const first = await call('GET', target);
      const again = await call('GET', target, { headers: { 'If-None-Match': first.headers.ETag! } });
      expect([target, again.statusCode, again.body]).toEqual([target, 304, '']);
    }
  });

  it('a sheet whose only upload was refused: 404 problem carrying the error', async () => {
    const res = await conforming('GET', '/sheets/ghost', '/sheets/{id}');
    expect(res.statusCode).toBe(404);
    expect(res.json).toMatchObject({
      code: 'not-found',
      lastError: { reason: 'empty', key: 'sources/ghost.txt' },
    });
  });

  it('pages over 120 sheets with no duplicates or gaps', async () => {
    const repo = new DynamoSheetRepository(documentClient(), resources.tableName, {
      documents: testDocuments(resources.bucketName),
    });
    const ids = Array.from({ length: 120 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
    for (let i = 0; i < ids.length; i += 12) {
      await Promise.all(
        ids.slice(i, i + 12).map((id) =>
          repo.publishRevision({
            sheet: sampleSheet(id),
            archiveKey: `archive/${id}/x.txt`,
            reason: 'upload',
            diff: null,
            expectedLatest: 0,
          }),
        ),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await conforming('GET', `/sheets?limit=25${cursor ? `&cursor=${cursor}` : ''}`, '/sheets');
      expect(res.statusCode).toBe(200);
      seen.push(...res.json.items.map((s: { id: string }) => s.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids, 'mali'].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('malformed input → problem+json naming the problem, and nothing written', async () => {
    const before = await snapshotStores();
    const forged = Buffer.from(
      JSON.stringify({ v: 1, s: 'sheets', c: Buffer.from('{"pk":"SHEET#x"}').toString('base64url') }),
    ).toString('base64url');
    const cases: [string, string, Parameters<typeof proxyEvent>[2], number, string | undefined][] = [
      ['GET', '/sheets/Not_An_Id', {}, 400, 'id'],
      ['GET', '/sheets?limit=100000', {}, 400, 'limit'],
      ['GET', '/sheets?cursor=%7B%22pk%22%3A1%7D', {}, 400, 'cursor'],
      ['GET', `/sheets?cursor=${forged}`, {}, 400, 'cursor'],
      ['GET', '/sheets/mali/revisions/0', {}, 400, 'rev'],
      ['GET', '/figures?kind=gold', {}, 400, 'kind'],
      ['PUT', '/sheets/Bad%20Id/source', { headers: { 'Content-Type': 'text/plain' }, body: 'x' }, 400, 'id'],
      [
        'PUT',
        '/sheets/mali/source',
        { headers: { 'Content-Type': 'application/pdf' }, body: '%PDF' },
        415,
        undefined,
      ],
      [
        'PUT',
        '/sheets/mali/source',
        { headers: { 'Content-Type': 'text/plain; charset=windows-1252' }, body: 'x' },
        415,
        undefined,
      ],
      [
        'PUT',
        '/sheets/mali/source',
        { headers: { 'Content-Type': 'text/plain' }, body: new Uint8Array(2 * 1024 * 1024 + 1).fill(65) },
        413,
        undefined,
      ],
      [
        'PUT',
        '/sheets/mali/source',
        { headers: { 'Content-Type': 'text/plain' }, body: new Uint8Array([0xc3, 0x28, 0x41]) },
        422,
        undefined,
      ],
      ['PUT', '/sheets/mali/source', { headers: { 'Content-Type': 'text/html' }, body: '' }, 422, undefined],
    ];
    for (const [method, target, options, status, parameter] of cases) {
      const resource = target.startsWith('/figures')
        ? '/figures'
        : target.includes('revisions')
          ? '/sheets/{id}/revisions/{rev}'
          : target.includes('/source')
            ? '/sheets/{id}/source'
            : target.startsWith('/sheets?')
              ? '/sheets'
              : '/sheets/{id}';
      const res = await conforming(method, target, resource, options);
      expect([target, res.statusCode, res.headers['Content-Type']]).toEqual([
        target,
        status,
        'application/problem+json',
      ]);
      if (parameter) expect([target, res.json.parameter]).toEqual([target, parameter]);
    }
    expect(await snapshotStores()).toEqual(before);
  });

  it('PUT source → 202 + Location; the S3 event publishes; GET shows it', async () => {
    const res = await conforming('PUT', '/sheets/upload-test/source', '/sheets/{id}/source', {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: fixture('sheets/mali.txt'),
    });
    expect(res.statusCode).toBe(202);
    const uploadId = createHash('sha256').update(fixture('sheets/mali.txt')).digest('hex');
    expect(res.headers.Location).toBe(`/prod/sheets/upload-test/uploads/${uploadId}`);
    const listed = await s3Client().send(
      new ListObjectsV2Command({ Bucket: resources.bucketName, Prefix: 'sources/upload-test' }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['sources/upload-test.txt']);
    await ingest(putEvent(resources.bucketName, 'sources/upload-test.txt'));
    const sheet = await call('GET', '/sheets/upload-test');
    expect(sheet.json).toMatchObject({ id: 'upload-test', latestRevision: 1 });
  });

  it('POST reprocess with the current parser → unchanged, same revision', async () => {
    const res = await conforming('POST', '/sheets/mali/reprocess', '/sheets/{id}/reprocess');
    expect(res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ id: 'mali', status: 'unchanged', revision: 2 });
    expect((await call('POST', '/sheets/nope/reprocess')).statusCode).toBe(404);
  });
});
