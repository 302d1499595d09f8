/**
 * Loads the handler modules named in shared/topology.ts and the adapters around them (the API's local
 * HTTP server, the token and sheet repositories). Loading is split from binding: the runtime requires the
 * modules while the emulator worker boots, then binds them once the SDK endpoints are known.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { S3Event, ScheduledEvent, SQSEvent } from 'aws-lambda';
import { documentClient } from '../../shared/aws/clients';
import type { BatchResult, QueueMessage } from '../../shared/notify/queue-messages';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import type { SheetErrorRecord, TokenRepository } from '../../shared/store/ports';
import { type FunctionName, functions } from '../../shared/topology';
import { lambdaContext } from './lambda-context';
import type { PublishedState } from './reconcile';

/** What SQS hands an event-source-mapped function; only the fields notify reads are meaningful. */
function sqsEvent(messages: QueueMessage[], region: string): SQSEvent {
  return {
    Records: messages.map((m) => ({
      messageId: m.messageId,
      receiptHandle: m.messageId,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(Date.now()),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${region}:000000000000:notify`,
      awsRegion: region,
    })),
  };
}

export interface LocalHandlers {
  /** S3 events, and the direct invocations (`reprocess`, `reprocess-stale`) the api and schedule send. */
  ingest(event: S3Event | { type: string }): Promise<unknown>;
  refresh(event: ScheduledEvent): Promise<unknown>;
  /** The notify queue's messages, passed to the notify function as an SQS event. */
  notify(messages: QueueMessage[]): Promise<BatchResult>;
  createHttpServer(): Server;
  tokens: TokenRepository;
  readState(sheetId: string): Promise<PublishedState | null>;
}

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

export interface HandlerModules {
  ingest: LambdaHandler;
  refresh: LambdaHandler;
  notify: LambdaHandler;
  createLocalHttpServer: typeof import('./http-adapter').createLocalHttpServer;
}

const projectRoot = join(__dirname, '..', '..');

function requireHandler(name: FunctionName): LambdaHandler {
  const entry = functions[name].entry;
  // Synchronous on purpose: it runs while the emulator worker thread boots in parallel.
  const mod = require(join(projectRoot, entry)) as { handler?: unknown };
  if (typeof mod.handler !== 'function') throw new Error(`${entry} does not export a handler`);
  return mod.handler as LambdaHandler;
}

/** Requires the handler modules (they read only POWERTOOLS_* at load; SDK clients are created lazily). */
export function requireHandlerModules(): HandlerModules {
  return {
    ingest: requireHandler('ingest'),
    refresh: requireHandler('refresh'),
    notify: requireHandler('notify'),
    createLocalHttpServer: (require('./http-adapter') as typeof import('./http-adapter'))
      .createLocalHttpServer,
  };
}

/** Binds the handlers to Lambda-like contexts and the repositories to the (now configured) SDK clients. */
export function bindHandlers(modules: HandlerModules, region: string, tableName: string): LocalHandlers {
  const invoke = (name: FunctionName, handler: LambdaHandler) => (event: unknown) =>
    handler(event, lambdaContext(name, functions[name].timeoutSeconds, region));
  const sheets = new DynamoSheetRepository(documentClient(), tableName);
  return {
    ingest: invoke('ingest', modules.ingest),
    refresh: invoke('refresh', modules.refresh),
    notify: async (messages) =>
      (await invoke('notify', modules.notify)(sqsEvent(messages, region))) as BatchResult,
    createHttpServer: () => modules.createLocalHttpServer({ region }),
    tokens: new DynamoTokenRepository(documentClient(), tableName),
    async readState(sheetId) {
      const meta = await sheets.getMeta(sheetId);
      const rejected = (error: SheetErrorRecord | undefined) =>
        error
          ? {
              lastErrorAt: error.at,
              rejectedReason: error.reason,
              ...(error.sourceHash && { rejectedHash: error.sourceHash }),
            }
          : {};
      if (meta) return { sourceHash: meta.sourceHash ?? null, ...rejected(meta.lastError) };
      // A sheet whose first upload was rejected has no META, only error records: without this, every
      // start would ingest (and reject) the same bytes again.
      const errors = await sheets.listErrors(sheetId, { limit: 1 });
      const latest = errors.items[0];
      return latest ? { sourceHash: null, ...rejected(latest) } : null;
    },
  };
}
