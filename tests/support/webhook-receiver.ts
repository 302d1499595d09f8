/**
 * A real webhook receiver on 127.0.0.1 for tests: verifies every delivery with the `standardwebhooks`
 * package (secret per path), records it, and answers what the test scripted (default 200).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  path: string;
  headers: Record<string, string>;
  body: string;
  event: { id: string; type: string; data: Record<string, unknown> } & Record<string, unknown>;
  /** Null when the signature verified; the error message otherwise. */
  verifyError: string | null;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedDelivery[];
  /** Secret per path; deliveries to a path without one fail verification. */
  secrets: Map<string, string>;
  /** Statuses to answer next, per path (then 200). */
  script: Map<string, number[]>;
  /** Resolves once `n` verified deliveries arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  onDelivery?: (delivery: ReceivedDelivery) => void;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const secrets = new Map<string, string>();
  const script = new Map<string, number[]>();
  let waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    body(req).then((text) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
      );
      let verifyError: string | null = null;
      let event: ReceivedDelivery['event'];
      try {
        event = new Webhook(secrets.get(path) ?? 'whsec_bm90LWEtc2VjcmV0').verify(
          text,
          headers,
        ) as ReceivedDelivery['event'];
      } catch (err) {
        verifyError = (err as Error).message;
        event = JSON.parse(text) as ReceivedDelivery['event'];
      }
      const delivery = { path, headers, body: text, event, verifyError, at: Date.now() };
      received.push(delivery);
      receiver.onDelivery?.(delivery);
      res.writeHead(script.get(path)?.shift() ?? 200).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    received,
    secrets,
    script,
    async waitFor(n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`only ${received.length} of ${n} deliveries arrived`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 100);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      waiters = [];
      return received.slice(0, n);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return receiver;
}
