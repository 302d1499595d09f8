/**
 * Fan-out on the local runtime: 50 subscriptions × 20 revisions → every subscription receives every
 * revision exactly once, each delivery verified by the `standardwebhooks` package.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RuntimeHandle } from '../../../infra/local/runtime';
import { startFreshRuntime } from '../../support/fresh-runtime';
import { fixture } from '../../support/pipeline-deps';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';
import { api, TEST_TOKEN, upload } from '../../support/webhook-runtime';

const MALI = fixture('sheets/mali.txt').toString('utf8');
const SUBSCRIPTIONS = 50;
const REVISIONS = 20;

jest.setTimeout(180_000);

describe('webhook fan-out', () => {
  let runtime: RuntimeHandle;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    runtime = await startFreshRuntime({
      port: 0,
      dataDir: mkdtempSync(join(tmpdir(), 'runtime-fanout-')),
      apiToken: TEST_TOKEN,
      refreshRateMs: null,
      notifyBackoffMs: () => 20,
    });
  });

  afterAll(async () => {
    await runtime?.stop();
    await receiver?.close();
  });

  it(`${SUBSCRIPTIONS} subscriptions × ${REVISIONS} revisions → every delivery once`, async () => {
    for (let s = 0; s < SUBSCRIPTIONS; s++) {
      const res = await api(runtime, 'PUT', `/subscriptions/sub-${s}`, {
        url: `${receiver.url}/sub-${s}`,
        events: ['sheet.revision.published'],
      });
      expect(res.status).toBe(201);
      receiver.secrets.set(`/sub-${s}`, String(res.body.secret));
    }
    for (let r = 0; r < REVISIONS; r++) {
      await upload(runtime, 'mali', MALI.replace('$148 million', `$${300 + r} million`), r + 2);
    }
    await runtime.notifyIdle();
    await receiver.waitFor(SUBSCRIPTIONS * REVISIONS, 60_000);
    await runtime.notifyIdle();
    expect(receiver.received.filter((d) => d.verifyError !== null)).toEqual([]);
    const seen = new Map<string, number>();
    for (const d of receiver.received) {
      const key = `${d.path} ${d.headers['webhook-id']}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(SUBSCRIPTIONS * REVISIONS);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const revisions = new Set(receiver.received.map((d) => (d.event.data as { revision: number }).revision));
    expect([...revisions].sort((a, b) => a - b)).toEqual(Array.from({ length: REVISIONS }, (_, i) => i + 2));
  });
});
