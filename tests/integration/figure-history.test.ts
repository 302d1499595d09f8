/**
 * Figure keys and history on the emulators: the seed's held edits go through the real ingest handler
 * (mali.txt → mali-revised.txt → mali.txt), and a made-up sheet is published 20 times through the
 * DynamoDB repository; functions/api.ts answers, every JSON body checked against the served document.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { handler as api } from '../../functions/api';
import { handler as ingest } from '../../functions/ingest';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { assignFigureKeys } from '../../shared/pipeline/figure-keys';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { syntheticSheet } from '../support/figure-sheets';
import { responseChecker, validateDocument } from '../support/openapi-support';
import { fixture } from '../support/pipeline-deps';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';
import { putEvent } from '../support/s3-events';

const ADDED_SENTENCE = 'U.S. exports to Mali totaled $41 million in 2022.';
let resources: TestResources;
let check: ReturnType<typeof responseChecker>;

async function upload(bytes: Uint8Array) {
  await s3Client().send(
    new PutObjectCommand({ Bucket: resources.bucketName, Key: 'sources/mali.txt', Body: bytes }),
  );
  return ingest(putEvent(resources.bucketName, 'sources/mali.txt'));
}

async function get(target: string, resource: string) {
  const res = (await api(proxyEvent('GET', target))) as APIGatewayProxyResult;
  const headers = res.headers as Record<string, string>;
  const json = JSON.parse(res.body);
  expect([target, check(resource, 'GET', res.statusCode, headers['Content-Type'] ?? '', json)]).toEqual([
    target,
    [],
  ]);
  return { status: res.statusCode, json };
}

interface Ref {
  key: string;
  text: string;
  sentence: string;
}

beforeAll(async () => {
  resources = await createTestResources('fighist');
  for (const name of ['sheets/mali.txt', 'sheets/mali-revised.txt', 'sheets/mali.txt']) {
    expect((await upload(fixture(name))).outcomes[0]).toMatchObject({ status: 'published' });
  }
  const repo = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
  let previous = null;
  for (let revision = 1; revision <= 20; revision++) {
    const sheet = assignFigureKeys(previous, syntheticSheet(7, revision), revision);
    await repo.publishRevision({
      sheet,
      archiveKey: 'a',
      reason: 'upload',
      diff: null,
      expectedLatest: revision - 1,
    });
    previous = sheet.figures;
  }
  const doc = (await api(proxyEvent('GET', '/openapi.json'))) as APIGatewayProxyResult;
  const document = JSON.parse(doc.body);
  expect(validateDocument(document).valid).toBe(true);
  check = responseChecker(document);
}, 60_000);

describe('figure keys through the seed’s revisions', () => {
  it('the diff names a changed amount by one key, before and after, with its sentence', async () => {
    const { json } = await get('/sheets/mali/diff?from=1&to=2', '/sheets/{id}/diff');
    const change = json.figures.changed.find((c: { before: Ref }) => c.before.text === '$148 million');
    expect(change.after).toMatchObject({ text: '$152 million', key: change.before.key });
    expect(change.after.sentence).toContain('$152 million');
    const added: Ref[] = json.figures.added;
    expect(added.map((f) => f.sentence)).toContain(ADDED_SENTENCE);
    expect(added.every((f) => f.key.startsWith('r2-'))).toBe(true);
  });

  it('history of the changed amount: added, changed, changed back; the figure route serves it', async () => {
    const diff = await get('/sheets/mali/diff?from=1&to=2', '/sheets/{id}/diff');
    const key = diff.json.figures.changed.find((c: { before: Ref }) => c.before.text === '$148 million')
      .before.key;
    const history = await get(`/sheets/mali/figures/${key}/history`, '/sheets/{id}/figures/{key}/history');
    expect(
      history.json.items.map((e: { revision: number; change: string; value: number }) => [
        e.revision,
        e.change,
        e.value,
      ]),
    ).toEqual([
      [1, 'added', 148e6],
      [2, 'changed', 152e6],
      [3, 'changed', 148e6],
    ]);
    expect(history.json.items[0]).toMatchObject({ unit: 'USD', qualifier: 'approximately' });
    const figure = await get(`/sheets/mali/figures/${key}`, '/sheets/{id}/figures/{key}');
    expect(figure.json).toMatchObject({ key, revision: 3, value: 148e6, sheetId: 'mali' });
  });

  it('a removed sentence: its figure shows as removed, and the figure route is a 404 naming the revision', async () => {
    const diff = await get('/sheets/mali/diff?from=1&to=2', '/sheets/{id}/diff');
    const exports = (diff.json.figures.added as Ref[]).find((f) => f.text === '$41 million')!;
    const history = await get(
      `/sheets/mali/figures/${exports.key}/history`,
      '/sheets/{id}/figures/{key}/history',
    );
    expect(history.json.items.map((e: { change: string }) => e.change)).toEqual(['added', 'removed']);
    expect(history.json.items[1]).toMatchObject({
      revision: 3,
      text: '$41 million',
      sentence: ADDED_SENTENCE,
    });
    const gone = await get(`/sheets/mali/figures/${exports.key}`, '/sheets/{id}/figures/{key}');
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({ status: 404, removedInRevision: 3 });
    expect(gone.json.detail).toContain('revision 3');
  });

  it('a key no revision held is a 404; a malformed key a 400 naming key', async () => {
    expect(
      (await get('/sheets/mali/figures/r99-1/history', '/sheets/{id}/figures/{key}/history')).status,
    ).toBe(404);
    const bad = await get('/sheets/mali/figures/f12', '/sheets/{id}/figures/{key}');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ parameter: 'key' });
  });
});

describe('history over 20 revisions', () => {
  it('one entry per revision: the amount changes every time, the percent never', async () => {
    const money = await get('/sheets/s0007/figures/r1-1/history', '/sheets/{id}/figures/{key}/history');
    expect(money.json.items).toHaveLength(20);
    expect(money.json.items.map((e: { revision: number }) => e.revision)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(money.json.items.map((e: { change: string }) => e.change)).toEqual([
      'added',
      ...Array(19).fill('changed'),
    ]);
    expect(money.json.items.at(-1)).toMatchObject({ value: (10 + 7 + 20) * 1e6, text: '$37 million' });
    const percent = await get('/sheets/s0007/figures/r1-2/history', '/sheets/{id}/figures/{key}/history');
    expect(percent.json.items.map((e: { change: string }) => e.change)).toEqual([
      'added',
      ...Array(19).fill('unchanged'),
    ]);
  });
});
