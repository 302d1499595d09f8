/**
 * POST /sheets/{id}/preview over real HTTP (the local adapter, with the TOKEN authorizer as the gateway
 * runs it) → the api handler → the real LambdaClient → the local Lambda endpoint → the real ingest
 * handler, on the emulators. A preview answers what an upload would publish and writes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { CliIo } from '../../cli/io';
import { runCli } from '../../cli/run';
import { handler as ingest } from '../../functions/ingest';
import { createLocalHttpServer } from '../../infra/local/http-adapter';
import type { LambdaEndpoint } from '../../infra/local/lambda-endpoint';
import type { Problem } from '../../shared/api/problem';
import { generateToken, hashToken } from '../../shared/auth/token';
import { documentClient, s3Client } from '../../shared/aws/clients';
import type { Figure } from '../../shared/model';
import type { SheetPreview } from '../../shared/pipeline/preview';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import { startIngestEndpoint } from '../support/ingest-endpoint';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources } from '../support/resources';
import { putEvent } from '../support/s3-events';

let resources: TestResources;
let endpoint: LambdaEndpoint;
let server: Server;
let base: string;
const token = generateToken();
const NO_CONTENT = '<html><body><nav>Home</nav></body></html>';

/** Every item and every object the suite's table and bucket hold, to compare before and after. */
async function everything(): Promise<{ items: string[]; objects: string[] }> {
  const scan = await documentClient().send(new ScanCommand({ TableName: resources.tableName }));
  const listed = await s3Client().send(new ListObjectsV2Command({ Bucket: resources.bucketName }));
  return {
    items: (scan.Items ?? []).map((i) => `${i.pk} ${i.sk}`).sort(),
    objects: (listed.Contents ?? []).map((o) => `${o.Key} ${o.ETag}`).sort(),
  };
}

async function preview(
  id: string,
  body: string | Uint8Array,
  headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
) {
  const res = await fetch(`${base}/sheets/${id}/preview`, { method: 'POST', body, headers });
  const json = (await res.json()) as SheetPreview & Partial<Problem>;
  return { status: res.status, type: res.headers.get('content-type'), json };
}

async function get<T>(path: string): Promise<T> {
  return (await fetch(`${base}${path}`)).json() as Promise<T>;
}

/** A sheet whose one sentence holds `count` money figures (plus its fiscal year). */
function denseSheet(count: number): string {
  const figures = Array.from({ length: count }, (_, i) => `$${i + 1} million`).join('; ');
  return `U.S. Relations With Mali\n\nU.S. Assistance to Mali\n\nThe United States gave ${figures} in FY 2021.\n`;
}

const auth = (contentType: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': contentType });

beforeAll(async () => {
  resources = await createTestResources('preview');
  endpoint = await startIngestEndpoint();
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
  const result = await ingest(putEvent(resources.bucketName, 'sources/mali.txt'));
  expect(result.outcomes[0]).toMatchObject({ status: 'published' });
  server = createLocalHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await endpoint.close();
});

describe('POST /sheets/{id}/preview', () => {
  it('a revised sheet: the changed figures old → new, keyed as publishing would key them, nothing written', async () => {
    const before = await everything();
    const revised = fixture('sheets/mali-revised.txt');
    const res = await preview('mali', revised);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: 'mali',
      uploadId: createHash('sha256').update(revised).digest('hex'),
      latestRevision: 1,
      unchanged: false,
      diff: { from: 1, to: 2 },
    });
    const diff = res.json.diff!;
    const changed = diff.figures.changed.map((c) => `${c.before.text} → ${c.after.text}`);
    expect(changed).toEqual(expect.arrayContaining(['$148 million → $152 million']));
    expect(diff.figures.added.map((f) => f.text)).toContain('$41 million');
    // A changed figure keeps the key it had; a new one gets a revision-2 key, as a publish would assign.
    const latest = await get<{ items: Figure[] }>('/sheets/mali/figures?limit=100');
    const keyOf = (items: Figure[], text: string) => items.find((f) => f.text === text)?.key;
    expect(keyOf(res.json.sheet.figures, '$152 million')).toBe(keyOf(latest.items, '$148 million'));
    expect(keyOf(res.json.sheet.figures, '$41 million')).toMatch(/^r2-/);
    const published = await get<{ title: string | null; country: string | null; sections: { id: string }[] }>(
      '/sheets/mali',
    );
    expect(res.json.sheet).toMatchObject({ id: 'mali', title: published.title, country: published.country });
    expect(res.json.sheet.sections.map((s) => s.id)).toEqual(published.sections.map((s) => s.id));
    expect(await everything()).toEqual(before);
  });

  it('the bytes of the latest revision: unchanged, an empty diff', async () => {
    const res = await preview('mali', fixture('sheets/mali.txt'));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ unchanged: true, latestRevision: 1 });
    expect(res.json.diff?.figures).toEqual({ added: [], removed: [], changed: [] });
  });

  it('a new sheet: no latest revision, no diff, every figure keyed for revision 1, nothing written', async () => {
    const before = await everything();
    const res = await preview('brand-new', fixture('sheets/mali.html'), auth('text/html'));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'brand-new', latestRevision: null, unchanged: false, diff: null });
    expect(res.json.sheet.contentType).toBe('text/html');
    expect(res.json.sheet.figures.length).toBeGreaterThan(0);
    expect(res.json.sheet.figures.every((f) => f.key?.startsWith('r1-'))).toBe(true);
    expect(await everything()).toEqual(before);
  });

  it('a body ingest would reject: 422 with the upload resource’s reason, nothing written', async () => {
    const before = await everything();
    const res = await preview('mali', NO_CONTENT, auth('text/html'));
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.json).toMatchObject({ status: 422, reason: 'no-content', title: 'Unprocessable Content' });
    expect(res.json.detail).toMatch(/no body text/);
    expect(await everything()).toEqual(before);
  });

  it('the upload route’s checks: 415 for another content type, 422 empty for an empty body', async () => {
    expect((await preview('mali', '{}', auth('application/json'))).status).toBe(415);
    const empty = await preview('mali', '   ', auth('text/plain'));
    expect([empty.status, empty.json.reason]).toEqual([422, 'empty']);
  });

  it('more figures than one sheet may hold: 422 too-many-figures, as the upload would be rejected', async () => {
    const res = await preview('dense', denseSheet(20_001));
    expect([res.status, res.json.reason]).toEqual([422, 'too-many-figures']);
    expect(res.json.detail).toMatch(/20002 figures; one sheet may hold at most 20000/);
  });

  it('a source within the upload limits whose preview is too large to return: 413 saying why', async () => {
    // A 230 KB source, over 7 MB of preview JSON (each figure carries its sentence): more than one
    // Lambda response holds.
    const dense = denseSheet(15_000);
    const before = await everything();
    const res = await preview('dense', dense);
    expect(res.status).toBe(413);
    expect(res.type).toContain('application/problem+json');
    expect(res.json.detail).toMatch(
      /^The preview of this source would be 7\.\d MB of JSON; a preview returns at most 6\.0 MB \(\d+ sections, 15001 figures\)/,
    );
    expect(await everything()).toEqual(before);
  });

  it('needs the write token: 401 without, 403 with a wrong one; nothing written', async () => {
    const before = await everything();
    const body = fixture('sheets/mali-revised.txt');
    expect((await preview('mali', body, { 'Content-Type': 'text/plain' })).status).toBe(401);
    const wrong = { Authorization: `Bearer ${generateToken()}`, 'Content-Type': 'text/plain' };
    expect((await preview('mali', body, wrong)).status).toBe(403);
    expect(await everything()).toEqual(before);
  });
});

describe('factsheet preview ID FILE, against the same API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-cli-'));

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const io: CliIo = { stdout: { write: (t) => out.push(t) }, stderr: { write: () => {} }, env: {} };
    const code = await runCli([...argv, '--api', base, '--token', token], io);
    return { code, out: out.join('') };
  }

  it('prints the title, the counts and the changed figures old → new', async () => {
    const file = join(dir, 'mali.txt');
    writeFileSync(file, fixture('sheets/mali-revised.txt'));
    const { code, out } = await cli('preview', 'mali', file);
    expect(code).toBe(0);
    expect(out).toMatch(/^mali: .*\n\d+ sections, \d+ figures; upload [0-9a-f]{64}\n/);
    expect(out).toContain('mali: revision 1 → 2');
    expect(out).toMatch(/~ r1-\d+ money .*"\$148 million".* → .*"\$152 million"/);
    expect(out).toMatch(/\+ r2-\d+ money .*"\$41 million"/);
  });

  it('a file ingest would reject: `rejected: REASON — message`, exit code 1', async () => {
    const file = join(dir, 'empty.html');
    writeFileSync(file, NO_CONTENT);
    const { code, out } = await cli('preview', 'mali', file);
    expect(code).toBe(1);
    expect(out).toMatch(/^rejected: no-content — The HTML has no body text/);
    const json = await cli('preview', 'mali', file, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ id: 'mali', status: 'rejected', reason: 'no-content' });
  });

  it('--json prints the route’s answer', async () => {
    const file = join(dir, 'same.txt');
    writeFileSync(file, fixture('sheets/mali.txt'));
    const { code, out } = await cli('preview', 'mali', file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 'mali', unchanged: true, latestRevision: 1 });
  });
});
