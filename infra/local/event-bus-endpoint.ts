/**
 * The local stand-in for EventBridge's PutEvents, so handlers emit events unchanged: the SDK's
 * EventBridgeClient talks to this server through AWS_ENDPOINT_URL_EVENTBRIDGE. Each entry becomes the
 * envelope EventBridge would forward (`version`, `id`, `detail-type`, `source`, `time`, `detail`…); entries
 * whose `Source` the notify rule matches are put on the notify queue before the call answers, as the
 * rule's SQS target would hold them.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { eventBus } from '../../shared/topology';
import { listenOnLoopback } from './loopback-server';
import { refuseBrowserRequest } from './refuse-browsers';

export interface EventBusEndpoint {
  url: string;
  close(): Promise<void>;
}

interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Time?: number | string;
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.1',
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...(errorType && { 'x-amzn-ErrorType': errorType }),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function timeOf(raw: number | string | undefined): string {
  if (typeof raw === 'number') return new Date(raw * 1000).toISOString();
  if (typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) return new Date(raw).toISOString();
  return new Date().toISOString();
}

export async function startEventBusEndpoint(options: {
  busName: string;
  region: string;
  /** The notify rule's target: resolves once the message is stored. */
  deliver: (envelope: string) => Promise<unknown>;
}): Promise<EventBusEndpoint> {
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
      return send(
        res,
        400,
        { message: `${String(req.headers['x-amz-target'])} is not served locally` },
        'UnknownOperationException',
      );
    }
    let entries: PutEventsEntry[];
    try {
      entries = (JSON.parse(body) as { Entries?: PutEventsEntry[] }).Entries ?? [];
    } catch {
      return send(res, 400, { message: 'body is not JSON' }, 'ValidationException');
    }
    const results: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[] = [];
    for (const entry of entries) {
      let detail: unknown;
      try {
        detail = JSON.parse(entry.Detail ?? '{}');
      } catch {
        results.push({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is not valid JSON' });
        continue;
      }
      if ((entry.EventBusName ?? 'default') !== options.busName) {
        results.push({ ErrorCode: 'NotFound', ErrorMessage: `no event bus ${entry.EventBusName}` });
        continue;
      }
      const id = randomUUID();
      if (entry.Source === eventBus.source) {
        const envelope = {
          version: '0',
          id,
          'detail-type': entry.DetailType,
          source: entry.Source,
          account: '000000000000',
          time: timeOf(entry.Time),
          region: options.region,
          resources: [],
          detail,
        };
        await options.deliver(JSON.stringify(envelope));
      }
      results.push({ EventId: id });
    }
    send(res, 200, { FailedEntryCount: results.filter((r) => r.ErrorCode).length, Entries: results });
  }

  const server = createServer((req, res) => {
    if (refuseBrowserRequest(req, res)) return;
    serve(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { message: String(err) }, 'InternalException');
      else res.destroy();
    });
  });
  return listenOnLoopback(server, 0);
}
