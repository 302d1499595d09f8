/**
 * The receiver behind `factsheet listen`: a 127.0.0.1 HTTP server that verifies each delivery's Standard
 * Webhooks signature (the `standardwebhooks` package) and reports it. Valid: 204; bad signature: 401
 * (the sender retries, which is what a misconfigured receiver should cause); browser requests: 403.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ListenEvent {
  verified: boolean;
  webhookId: string;
  event?: { id: string; type: string; data?: unknown };
  error?: string;
}

const MAX_BODY = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Browsers send Origin on every POST; webhook senders do not (a page must not feed this receiver). */
function fromBrowser(req: IncomingMessage): boolean {
  return req.headers.origin !== undefined;
}

export async function startListener(options: {
  port: number;
  secret: string;
  onEvent: (event: ListenEvent) => void;
}): Promise<{ url: string; close(): Promise<void> }> {
  const webhook = new Webhook(options.secret);
  const server = createServer((req, res) => {
    if (fromBrowser(req)) return void res.writeHead(403).end('browser requests are refused\n');
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    readBody(req).then(
      (body) => {
        if (body === null) return void res.writeHead(413).end();
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
        );
        const webhookId = headers['webhook-id'] ?? '';
        try {
          const event = webhook.verify(body, headers) as ListenEvent['event'];
          options.onEvent({ verified: true, webhookId, event });
          res.writeHead(204).end();
        } catch (err) {
          options.onEvent({ verified: false, webhookId, error: (err as Error).message });
          res.writeHead(401).end();
        }
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
