/**
 * Loads the handler modules named in shared/topology.ts and the adapters around them (the API's local
 * HTTP server, the token and sheet repositories). Loading is split from binding: the runtime requires the
 * modules while the emulator worker boots, then binds them once the SDK endpoints are known.
 */
import type { Server } from 'node:http';
import type { S3Event, ScheduledEvent, SQSEvent } from 'aws-lambda';
import { documentClient } from '../../shared/aws/clients';
import type { BatchResult, QueueMessage } from '../../shared/notify/queue-messages';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import type { SheetErrorRecord, TokenRepository } from '../../shared/store/ports';
import type { FunctionName } from '../../shared/topology';
import { type LambdaHandler, requireHandler, withLambdaContext } from './function-modules';
import type { ProxyHandler, TokenAuthorizer } from './http-adapter';
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

export interface HandlerModules {
  ingest: LambdaHandler;
  refresh: LambdaHandler;
  notify: LambdaHandler;
  api: LambdaHandler;
  authorizer: LambdaHandler;
  createLocalHttpServer: typeof import('./http-adapter').createLocalHttpServer;
}

/** Requires the handler modules (they read only POWERTOOLS_* at load; SDK clients are created lazily). */
export function requireHandlerModules(): HandlerModules {
  return {
    ingest: requireHandler('ingest'),
    refresh: requireHandler('refresh'),
    notify: requireHandler('notify'),
    api: requireHandler('api'),
    authorizer: requireHandler('authorizer'),
    createLocalHttpServer: (require('./http-adapter') as typeof import('./http-adapter'))
      .createLocalHttpServer,
  };
}

/** Binds the handlers to Lambda-like contexts and the repositories to the (now configured) SDK clients. */
export function bindHandlers(modules: HandlerModules, region: string, tableName: string): LocalHandlers {
  const invoke = (name: FunctionName, handler: LambdaHandler) => withLambdaContext(name, handler, region);
  const sheets = new DynamoSheetRepository(documentClient(), tableName);
  return {
    ingest: invoke('ingest', modules.ingest),
    refresh: invoke('refresh', modules.refresh),
    notify: async (messages) =>
      (await invoke('notify', modules.notify)(sqsEvent(messages, region))) as BatchResult,
    createHttpServer: () =>
      modules.createLocalHttpServer({
        region,
        handler: modules.api as ProxyHandler,
        authorizer: modules.authorizer as TokenAuthorizer,
      }),
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
      if (meta) {
        return {
          sourceHash: meta.sourceHash ?? null,
          ...rejected(meta.lastError),
          ...(meta.unannouncedRevision === meta.latestRevision && { unannounced: true }),
        };
      }
      // A sheet whose first upload was rejected has no META, only error records: without this, every
      // start would ingest (and reject) the same bytes again.
      const errors = await sheets.listErrors(sheetId, { limit: 1 });
      const latest = errors.items[0];
      return latest ? { sourceHash: null, ...rejected(latest) } : null;
    },
  };
}
