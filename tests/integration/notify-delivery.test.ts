/**
 * The notify use case on real DynamoDB (dynalite) with a real receiver: the SSRF rules apply again at
 * every delivery (a host whose DNS now points at a private address is refused without a connection), and
 * the notify handler turns still-failing deliveries into batch item failures.
 */
import { randomBytes } from 'node:crypto';
import { documentClient } from '../../shared/aws/clients';
import { revisionPublished } from '../../shared/events/build';
import type { ResolvedAddress } from '../../shared/fetch/policy';
import { deliverEvent, type NotifyDeps } from '../../shared/notify/deliver';
import { handleQueueMessages } from '../../shared/notify/queue-messages';
import { secretBox } from '../../shared/notify/secret-box';
import { subscriptionsApi } from '../../shared/notify/subscriptions-api';
import type { WebhookPolicy } from '../../shared/notify/webhook-url';
import { DynamoSubscriptionStore } from '../../shared/store/dynamo-subscriptions';
import { notifyQueue } from '../../shared/topology';
import { createTestResources } from '../support/resources';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

describe('webhook delivery on the emulators', () => {
  let receiver: WebhookReceiver;
  let store: DynamoSubscriptionStore;
  let dns: ResolvedAddress[] = [{ address: '127.0.0.1', family: 4 }];
  const box = secretBox(randomBytes(32));
  const policy: WebhookPolicy = { allowLoopback: true, timeoutMs: 2000, resolve: async () => dns };
  let deps: NotifyDeps;
  const event = (revision: number) =>
    revisionPublished({
      sheetId: 'mali',
      title: null,
      country: 'Mali',
      revision,
      reason: 'upload',
      sourceHash: 'b'.repeat(64),
      diff: null,
      publishedAt: new Date().toISOString(),
    });

  beforeAll(async () => {
    const { tableName } = await createTestResources('notify');
    store = new DynamoSubscriptionStore(documentClient(), tableName);
    receiver = await startWebhookReceiver();
    deps = { subscriptions: store, box, policy, clock: () => new Date() };
  });

  afterAll(async () => {
    await receiver.close();
  });

  it('refuses at delivery a host that now resolves to a private address, without connecting', async () => {
    const subs = subscriptionsApi({ store, box: async () => box, policy });
    const url = `http://hooks.example.test:${receiver.port}/rebind`;
    const created = await subs.register('rebind', { url, events: ['sheet.revision.published'] });
    expect(created.created).toBe(true);
    receiver.secrets.set('/rebind', created.secret!);

    dns = [{ address: '10.1.2.3', family: 4 }];
    const report = await deliverEvent(deps, event(2), { receiveCount: 1, final: false });
    expect(report).toEqual({ delivered: [], pending: [], dropped: ['rebind'] });
    expect(receiver.received).toHaveLength(0);
    const [attempt] = await store.listAttempts('rebind', 10);
    expect(attempt).toMatchObject({ outcome: 'refused', status: null });
    expect(attempt!.error).toMatch(/10\.1\.2\.3, a private address/);

    dns = [{ address: '127.0.0.1', family: 4 }];
    await expect(deliverEvent(deps, event(3), { receiveCount: 1, final: false })).resolves.toMatchObject({
      delivered: ['rebind'],
    });
    expect(receiver.received.map((d) => d.verifyError)).toEqual([null]);
    await store.delete('rebind');
  });

  it('the queue handler fails only the messages with deliveries still pending, and skips ones already delivered', async () => {
    const subs = subscriptionsApi({ store, box: async () => box, policy });
    const ok = await subs.register('ok', { url: `${receiver.url}/ok`, events: ['sheet.revision.published'] });
    receiver.secrets.set('/ok', ok.secret!);
    const body = (e: ReturnType<typeof event>) =>
      JSON.stringify({ version: '0', 'detail-type': e.type, source: 'factsheet.pipeline', detail: e });
    const delayed: number[] = [];
    const messageDeps = {
      ...deps,
      retryLater: async (_m: unknown, seconds: number) => void delayed.push(seconds),
    };
    const first = event(10);
    receiver.script.set('/ok', [500]);
    const before = receiver.received.length;
    const result = await handleQueueMessages(messageDeps, [
      { messageId: 'm1', body: body(first), receiveCount: 1 },
      { messageId: 'm2', body: '{"detail": {"type": "nope"}}', receiveCount: 1 },
    ]);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }]);
    expect(delayed).toEqual([notifyQueue.backoffSeconds(1)]);
    const retried = await handleQueueMessages(messageDeps, [
      { messageId: 'm1', body: body(first), receiveCount: 2 },
    ]);
    expect(retried.batchItemFailures).toEqual([]);
    // Redelivered once more after success (SQS is at-least-once): the marker stops a second POST.
    await handleQueueMessages(messageDeps, [{ messageId: 'm1', body: body(first), receiveCount: 3 }]);
    expect(receiver.received.slice(before).map((d) => d.headers['webhook-id'])).toEqual([first.id, first.id]);
    expect((await store.listAttempts('ok', 10)).map((a) => a.outcome)).toEqual(['delivered', 'retrying']);
  });
});
