/**
 * Hostile density through the real handlers on the emulators: 2 MB of `Mali $5 million in 2020. ` (about
 * 160,000 figures) must end as a clear `too-many-figures` rejection — on a new sheet nothing becomes
 * visible, on an existing one the previous revision keeps serving with the reason in `lastError`.
 */
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { handler as api } from '../../functions/api';
import { handler as ingest } from '../../functions/ingest';
import { s3Client } from '../../shared/aws/clients';
import { MAX_FIGURES_PER_SHEET } from '../../shared/config';
import { fixture } from '../support/pipeline-deps';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, type TestResources } from '../support/resources';
import { putEvent } from '../support/s3-events';

let resources: TestResources;

/** `bytes` of the dense document: a title, then one short money-and-year sentence after another. */
function dense(bytes: number): string {
  const unit = 'Mali $5 million in 2020. ';
  return `U.S. Relations With Mali\n\n${unit.repeat(Math.ceil(bytes / unit.length))}`.slice(0, bytes);
}

async function upload(key: string, body: string | Uint8Array) {
  await s3Client().send(new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: body }));
  return ingest(putEvent(resources.bucketName, key));
}

async function get(path: string) {
  const res = (await api(proxyEvent('GET', path))) as APIGatewayProxyResult;
  return { status: res.statusCode, json: JSON.parse(res.body) };
}

async function parsedKeys(id: string) {
  const res = await s3Client().send(
    new ListObjectsV2Command({ Bucket: resources.bucketName, Prefix: `parsed/${id}/` }),
  );
  return (res.Contents ?? []).map((o) => o.Key);
}

beforeAll(async () => {
  resources = await createTestResources('dense');
});

const tooMany = expect.objectContaining({
  reason: 'too-many-figures',
  message: expect.stringContaining(`at most ${MAX_FIGURES_PER_SHEET}`),
});

it('rejects 2 MB of dense figures on a new sheet: no revision, the reason in lastError', async () => {
  const result = await upload('sources/dense-new.txt', dense(2 * 1024 * 1024));
  expect(result.outcomes).toEqual([
    expect.objectContaining({ status: 'rejected', reason: 'too-many-figures' }),
  ]);
  const sheet = await get('/sheets/dense-new');
  expect(sheet.status).toBe(404);
  expect(sheet.json.lastError).toEqual(tooMany);
  expect((await get('/sheets/dense-new/revisions')).status).toBe(404);
  expect(await parsedKeys('dense-new')).toEqual([]);
}, 120_000);

it('keeps an existing sheet on its revision, with the reason in lastError', async () => {
  await upload('sources/dense-old.txt', fixture('sheets/mali.txt'));
  const result = await upload('sources/dense-old.txt', dense(2 * 1024 * 1024));
  expect(result.outcomes).toEqual([
    expect.objectContaining({ status: 'rejected', reason: 'too-many-figures' }),
  ]);
  const sheet = await get('/sheets/dense-old');
  expect(sheet.status).toBe(200);
  expect(sheet.json).toMatchObject({ latestRevision: 1, lastError: tooMany });
  const history = await get('/sheets/dense-old/revisions');
  expect(history.json.items.map((h: { revision: number }) => h.revision)).toEqual([1]);
  expect(await parsedKeys('dense-old')).toHaveLength(1);
}, 120_000);

it('publishes a dense sheet just under the limit completely', async () => {
  // 25 bytes hold two figures ($5 million, 2020): 240 KB is about 19,600.
  const result = await upload('sources/dense-ok.txt', dense(240 * 1024));
  expect(result.outcomes).toEqual([expect.objectContaining({ status: 'published', revision: 1 })]);
  const sheet = await get('/sheets/dense-ok');
  expect(sheet.json.counts.figures).toBeGreaterThan(15_000);
  expect(sheet.json.counts.figures).toBeLessThanOrEqual(MAX_FIGURES_PER_SHEET);
  const money = await get('/figures?kind=money&limit=100');
  expect(money.json.items.filter((f: { sheetId: string }) => f.sheetId === 'dense-ok')).toHaveLength(100);
}, 120_000);

it('rejects 2 MB of `$N million in FY20xx, N%` lines as too-many-figures; the sheet stays readable', async () => {
  // The shape that once held the API for 10 minutes: one line per figure group, no sentence breaks.
  const lines = Array.from(
    { length: 100_000 },
    (_, i) => `$${(i % 997) + 1} million in FY20${String(10 + (i % 20))}, ${(i % 97) + 1}%`,
  );
  const body = `U.S. Relations With Mali\n\n${lines.join('\n')}\n`.slice(0, 2 * 1024 * 1024);
  await upload('sources/dense-lines.txt', fixture('sheets/mali.txt'));
  const result = await upload('sources/dense-lines.txt', body);
  expect(result.outcomes).toEqual([
    expect.objectContaining({ status: 'rejected', reason: 'too-many-figures' }),
  ]);
  const sheet = await get('/sheets/dense-lines');
  expect(sheet.json).toMatchObject({ latestRevision: 1, lastError: tooMany });
  const figures = await get('/sheets/dense-lines/figures?limit=100');
  expect(figures.status).toBe(200);
  expect(figures.json.revision).toBe(1);
}, 120_000);
