/**
 * Webhooks end to end on the local runtime: real uploads through the API, the real ingest and notify
 * handlers, the in-process bus and durable queue, and a real receiver on 127.0.0.1 that verifies every
 * delivery with the `standardwebhooks` package.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, type RuntimeHandle } from '../../../infra/local/runtime';
import { documentClient, s3Client } from '../../../shared/aws/clients';
import { sha256Hex } from '../../../shared/pipeline/ingest';
import { notifyQueue } from '../../../shared/topology';
import { startFreshRuntime } from '../../support/fresh-runtime';
import { fixture } from '../../support/pipeline-deps';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { api, eventValidator, TEST_TOKEN, upload } from '../../support/webhook-runtime';

const MALI = fixture('sheets/mali.txt').toString('utf8');
const REVISED = fixture('sheets/mali-revised.txt').toString('utf8');

describe('webhooks on the local runtime', () => {
  let runtime: RuntimeHandle;
  let receiver: WebhookReceiver;
  let validate: (event: { type: string }) => string[];
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-webhooks-'));

  async function subscribe(id: string, events: string[], extra: Record<string, unknown> = {}) {
    const res = await api(runtime, 'PUT', `/subscriptions/${id}`, {
      url: `${receiver.url}/${id}`,
      events,
      ...extra,
    });
    expect(res.status).toBe(201);
    receiver.secrets.set(`/${id}`, String(res.body.secret));
    return res.body;
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    runtime = await startFreshRuntime({
      port: 0,
      dataDir,
      apiToken: TEST_TOKEN,
      refreshRateMs: null,
      retryBackoffMs: () => 20,
      notifyBackoffMs: () => 20,
    });
    validate = await eventValidator(runtime);
  });

  afterAll(async () => {
    await runtime?.stop();
    await receiver?.close();
  });

  it('registers a subscription, answers its secret once, and stores it only encrypted', async () => {
    const created = await subscribe('mali-watch', ['sheet.revision.published', 'sheet.upload.rejected'], {
      sheets: ['mali', 'ghana'],
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const read = await api(runtime, 'GET', '/subscriptions/mali-watch');
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(JSON.stringify((await api(runtime, 'GET', '/subscriptions')).body)).not.toContain(
      String(created.secret),
    );
    const items = (await documentClient().send(new ScanCommand({ TableName: LOCAL_TABLE_NAME }))).Items ?? [];
    const raw = JSON.stringify(items);
    expect(raw).toContain('mali-watch');
    expect(raw).not.toContain(String(created.secret).slice('whsec_'.length, 30));
  });

  it('refuses a private-address URL at registration and a request without a token', async () => {
    const refused = await api(runtime, 'PUT', '/subscriptions/inside', {
      url: 'http://10.0.0.7/hook',
      events: ['sheet.revision.published'],
    });
    expect(refused.status).toBe(400);
    expect(String(refused.body.detail)).toMatch(/10\.0\.0\.7.*private/);
    expect((await api(runtime, 'GET', '/subscriptions/inside')).status).toBe(404);
    expect((await fetch(`${runtime.url}/subscriptions`)).status).toBe(401);
  });

  it('bad registrations are 400s naming the field, and store nothing', async () => {
    const bad = [
      [{ url: 'ftp://x.test/', events: ['sheet.revision.published'] }, 'url'],
      [{ url: `${receiver.url}/x`, events: ['sheet.exploded'] }, 'events'],
      [{ url: `${receiver.url}/x`, events: [] }, 'events'],
      [{ url: `${receiver.url}/x`, events: ['ping'] }, 'events'],
      [{ url: `${receiver.url}/x`, events: ['sheet.revision.published'], sheets: ['Not An Id'] }, 'sheets'],
    ] as const;
    for (const [body, parameter] of bad) {
      const res = await api(runtime, 'PUT', '/subscriptions/bad', body);
      expect([res.status, res.body.parameter]).toEqual([400, parameter]);
    }
    expect((await api(runtime, 'GET', '/subscriptions/bad')).status).toBe(404);
  });

  it('an upload of a revision → one signed sheet.revision.published with the diff of that revision', async () => {
    await upload(runtime, 'mali', REVISED, 2);
    await runtime.notifyIdle();
    const [delivery] = await receiver.waitFor(1);
    expect(receiver.received).toHaveLength(1);
    expect(delivery!.verifyError).toBeNull();
    expect(delivery!.headers['webhook-id']).toBe(delivery!.event.id);
    const event = delivery!.event as unknown as {
      type: string;
      data: {
        sheetId: string;
        revision: number;
        previousRevision: number;
        reason: string;
        sourceHash: string;
        diff: { changed: { key: string; before: { value: unknown }; after: { value: unknown } }[] };
      };
    };
    expect(validate(event)).toEqual([]);
    expect(event.type).toBe('sheet.revision.published');
    expect(event.data).toMatchObject({
      sheetId: 'mali',
      revision: 2,
      previousRevision: 1,
      reason: 'upload',
      sourceHash: sha256Hex(Buffer.from(REVISED)),
    });
    const diff = (await api(runtime, 'GET', '/sheets/mali/diff')).body as unknown as {
      figures: {
        changed: { before: { key: string; value: unknown }; after: { key: string; value: unknown } }[];
      };
    };
    expect(diff.figures.changed.length).toBeGreaterThan(0);
    // A changed figure keeps its stable key, and the event names it by that key.
    expect(diff.figures.changed.every((c) => c.before.key === c.after.key)).toBe(true);
    expect(event.data.diff.changed.map((c) => [c.key, c.before.value, c.after.value])).toEqual(
      diff.figures.changed.map((c) => [c.before.key, c.before.value, c.after.value]),
    );
  });

  it('an identical re-upload → nothing is delivered', async () => {
    await upload(runtime, 'mali', REVISED, null);
    await runtime.notifyIdle();
    expect(receiver.received).toHaveLength(1);
  });

  it('a rejected upload → sheet.upload.rejected naming the upload (sha256 of the bytes)', async () => {
    // Straight into S3 (the API refuses bytes that are not UTF-8 before they reach ingest).
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await s3Client().send(
      new PutObjectCommand({
        Bucket: LOCAL_BUCKET_NAME,
        Key: 'sources/ghana.txt',
        Body: bytes,
        ContentType: 'text/plain',
      }),
    );
    await receiver.waitFor(2);
    await runtime.notifyIdle();
    const [, delivery] = await receiver.waitFor(2);
    expect(delivery!.verifyError).toBeNull();
    expect(validate(delivery!.event)).toEqual([]);
    expect(delivery!.event).toMatchObject({
      type: 'sheet.upload.rejected',
      data: { sheetId: 'ghana', uploadId: sha256Hex(bytes), reason: 'binary' },
    });
  });

  it('answers 500 twice then 200 → delivered once, the same webhook-id on every attempt', async () => {
    await subscribe('flaky', ['sheet.revision.published'], { sheets: ['mali'] });
    const before = receiver.received.length;
    receiver.script.set('/flaky', [500, 500]);
    await upload(runtime, 'mali', MALI, 3);
    await runtime.notifyIdle();
    const flaky = receiver.received.slice(before).filter((d) => d.path === '/flaky');
    expect(flaky.map((d) => d.verifyError)).toEqual([null, null, null]);
    expect(new Set(flaky.map((d) => d.headers['webhook-id'])).size).toBe(1);
    const deliveries = (await api(runtime, 'GET', '/subscriptions/flaky/deliveries')).body.items as {
      eventId: string;
      status: number;
      outcome: string;
    }[];
    expect(deliveries.map((d) => [d.status, d.outcome])).toEqual([
      [200, 'delivered'],
      [500, 'retrying'],
      [500, 'retrying'],
    ]);
    // The other subscription got this revision once, not once per retry of the flaky one.
    const watch = receiver.received.slice(before).filter((d) => d.path === '/mali-watch');
    expect(watch).toHaveLength(1);
  });

  it('a receiver that is down → retried, then dead-lettered and visible in deliveries', async () => {
    const down = await api(runtime, 'PUT', '/subscriptions/down', {
      url: 'http://127.0.0.1:9/nobody',
      events: ['sheet.revision.published'],
      sheets: ['mali'],
    });
    expect(down.status).toBe(201);
    await upload(runtime, 'mali', REVISED, 4);
    await runtime.notifyIdle();
    const attempts = (await api(runtime, 'GET', '/subscriptions/down/deliveries')).body.items as {
      status: number | null;
      outcome: string;
      error: string;
    }[];
    expect(attempts).toHaveLength(notifyQueue.maxReceiveCount);
    expect(attempts[0]!.outcome).toBe('dead-lettered');
    expect(attempts.slice(1).every((a) => a.outcome === 'retrying' && a.status === null)).toBe(true);
    expect(attempts[0]!.error).toMatch(/ECONNREFUSED|failed/);
    expect(existsSync(runtime.deadLetterFile)).toBe(true);
    const letters = readFileSync(runtime.deadLetterFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(letters).toEqual([
      expect.objectContaining({
        function: 'notify',
        attempts: notifyQueue.maxReceiveCount,
        event: expect.objectContaining({ 'detail-type': 'sheet.revision.published' }),
      }),
    ]);
    await api(runtime, 'DELETE', '/subscriptions/down');
  });

  it('POST /subscriptions/{id}/test sends a signed ping to that subscription only', async () => {
    const before = receiver.received.length;
    const res = await api(runtime, 'POST', '/subscriptions/flaky/test');
    expect(res.status).toBe(202);
    await runtime.notifyIdle();
    const pings = receiver.received.slice(before);
    expect(pings.map((d) => [d.path, d.event.type, d.verifyError])).toEqual([['/flaky', 'ping', null]]);
    expect(pings[0]!.event.id).toBe(res.body.eventId);
    expect(validate(pings[0]!.event)).toEqual([]);
  });

  it('a receiver answering 410 Gone disables its subscription', async () => {
    receiver.script.set('/flaky', [410]);
    await api(runtime, 'POST', '/subscriptions/flaky/test');
    await runtime.notifyIdle();
    expect((await api(runtime, 'GET', '/subscriptions/flaky')).body).toMatchObject({
      enabled: false,
      disabledReason: 'gone',
    });
  });
});
