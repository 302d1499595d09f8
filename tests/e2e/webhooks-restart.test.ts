/**
 * A pending webhook delivery survives a SIGKILL of the runtime: the first attempt fails, the retry waits
 * (LOCAL_NOTIFY_BACKOFF_MS), the process is killed, and the next start resumes the queued message and
 * delivers it with the same webhook-id.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { type RuntimeProcess, startRuntimeProcess } from './runtime-process';

jest.setTimeout(120_000);

const TOKEN = 'e2e-webhook-token-0123456789';
const REVISION = `U.S. Relations With Mali

U.S. Assistance to Mali

U.S. bilateral foreign assistance to Mali totaled approximately $210 million in FY 2022.
`;

describe('webhooks across a SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'factsheet-e2e-webhooks-'));
  let runtime: RuntimeProcess | undefined;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });

  afterAll(async () => {
    if (runtime && runtime.proc.exitCode === null) {
      runtime.proc.kill('SIGKILL');
      await runtime.exited;
    }
    await receiver.close();
  });

  const auth = { authorization: `Bearer ${TOKEN}` };

  it('delivers after restart what was pending when the process was killed', async () => {
    runtime = await startRuntimeProcess({
      PORT: '0',
      DATA_DIR: dataDir,
      API_TOKEN: TOKEN,
      LOCAL_NOTIFY_BACKOFF_MS: '600000',
    });
    const created = await fetch(`${runtime.url}/subscriptions/watcher`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiver.url}/watcher`, events: ['sheet.revision.published'] }),
    });
    expect(created.status).toBe(201);
    receiver.secrets.set('/watcher', ((await created.json()) as { secret: string }).secret);
    receiver.script.set('/watcher', [503]);
    const uploaded = await fetch(`${runtime.url}/sheets/mali/source`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: REVISION,
    });
    expect(uploaded.status).toBe(202);
    const [first] = await receiver.waitFor(1, 60_000);
    expect(first!.verifyError).toBeNull();
    // The retry is now due in 10 minutes, on disk in DATA_DIR/notify-queue.
    const queueDir = join(dataDir, 'notify-queue');
    for (let i = 0; i < 100 && readdirSync(queueDir).filter((f) => f.endsWith('.json')).length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readdirSync(queueDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    runtime.proc.kill('SIGKILL');
    await runtime.exited;

    runtime = await startRuntimeProcess({
      PORT: '0',
      DATA_DIR: dataDir,
      API_TOKEN: TOKEN,
      LOCAL_NOTIFY_BACKOFF_MS: '20',
    });
    expect(runtime.stdout).toContain('Resumed pending webhook deliveries: 1');
    const [, second] = await receiver.waitFor(2, 60_000);
    expect(second!.verifyError).toBeNull();
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.event).toMatchObject({
      type: 'sheet.revision.published',
      data: { sheetId: 'mali', revision: 2 },
    });
    for (let i = 0; i < 100 && readdirSync(queueDir).some((f) => f.endsWith('.json')); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readdirSync(queueDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(existsSync(join(dataDir, 'dead-letter.jsonl'))).toBe(false);
    expect(receiver.received).toHaveLength(2);
  });
});
