/**
 * The local runtime's event plumbing: the webhook-secret key file, the notify queue (durable, under
 * DATA_DIR) feeding the notify handler, and the PutEvents endpoint the handlers' EventBridge clients
 * talk to. Pending deliveries survive a restart: the queue reloads them before anything emits.
 */
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENV } from '../../shared/env';
import { newBoxKey } from '../../shared/notify/secret-box';
import { notifyQueue } from '../../shared/topology';
import { DurableQueue } from './durable-queue';
import { startEventBusEndpoint } from './event-bus-endpoint';
import type { LocalHandlers } from './handlers';

export const LOCAL_EVENT_BUS_NAME = 'factsheet-events';
export const KEY_FILE = 'webhook-secrets.key';
export const QUEUE_DIR = 'notify-queue';

/** The key that encrypts subscription secrets: generated once, readable by this user only. */
export async function ensureKeyFile(dataDir: string): Promise<string> {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) await writeFile(file, `${newBoxKey()}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return file;
}

/** Environment the handlers read for events and subscriptions (set before they wire themselves). */
export function notificationEnvironment(keyFile: string): Record<string, string> {
  return {
    [ENV.eventBusName]: LOCAL_EVENT_BUS_NAME,
    [ENV.subscriptionKeyFile]: keyFile,
    // Receivers on 127.0.0.1 (`factsheet listen`, tests); private ranges stay refused.
    [ENV.webhookAllowLoopback]: process.env[ENV.webhookAllowLoopback] ?? 'true',
  };
}

export interface LocalNotifications {
  endpointUrl: string;
  /** Messages a previous run left pending, now resumed. */
  resumed: number;
  queue: DurableQueue;
  stop(): Promise<void>;
}

export async function startNotifications(options: {
  dataDir: string;
  region: string;
  handlers: Pick<LocalHandlers, 'notify'>;
  deadLetterFile: string;
  backoffMs?: (receiveCount: number) => number;
  log?: (line: string) => void;
}): Promise<LocalNotifications> {
  const queue = new DurableQueue({
    name: notifyQueue.function,
    dir: join(options.dataDir, QUEUE_DIR),
    handler: (messages) => options.handlers.notify(messages),
    maxReceiveCount: notifyQueue.maxReceiveCount,
    backoffMs: options.backoffMs ?? ((n) => notifyQueue.backoffSeconds(n) * 1000),
    deadLetterFile: options.deadLetterFile,
    concurrency: 4,
    log: options.log,
  });
  const resumed = await queue.start();
  const endpoint = await startEventBusEndpoint({
    busName: LOCAL_EVENT_BUS_NAME,
    region: options.region,
    deliver: (envelope) => queue.send(envelope),
  });
  return {
    endpointUrl: endpoint.url,
    resumed,
    queue,
    stop: async () => {
      await endpoint.close();
      await queue.stop();
    },
  };
}
