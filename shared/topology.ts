/**
 * The one declaration of what runs: functions, routes, the S3 trigger, the schedule and the dead-letter
 * queue. `infra/` (CDK, the AWS target) and `infra/local/` (embedded emulators) both build from this, so a
 * route or trigger is never written twice.
 */

export type FunctionName = 'ingest' | 'api' | 'authorizer' | 'refresh' | 'notify';

/** What a function may touch; the CDK stack turns each entry into an env var plus its least-privilege grant. */
export interface FunctionAccess {
  /**
   * `read`: items and indexes; `readWrite`: also item writes, except `TOKEN#` items (only the operator's
   * CLI creates write tokens); `tokens`: GetItem on `TOKEN#` items only (the authorizer's token lookup).
   */
  table?: 'read' | 'readWrite' | 'tokens';
  /** S3 key prefixes this function reads. */
  bucketRead?: readonly string[];
  /** S3 key prefixes this function writes (never delete). */
  bucketWrite?: readonly string[];
  /** Functions this one invokes synchronously; each is bound as `{NAME}_FUNCTION_NAME` + invoke grant. */
  invoke?: readonly FunctionName[];
  /** Fetches URLs from the web: gets the deploy's extra allowed hosts (`allowedHosts` → ALLOWED_HOSTS). */
  fetch?: boolean;
  /** Puts domain events on the stack's event bus (`EVENT_BUS_NAME` + events:PutEvents on that bus). */
  events?: boolean;
  /** Reads the key that encrypts webhook signing secrets (`SUBSCRIPTION_KEY_SECRET_ARN` + read grant). */
  webhookSecrets?: boolean;
}

export interface FunctionSpec {
  /** Path of the handler module, relative to the project root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  access: FunctionAccess;
  /** Extra environment beyond the resource bindings. */
  environment?: Readonly<Record<string, string>>;
  reservedConcurrency?: number;
}

export { type OperationId, type RouteSpec, routes } from './topology-routes';

export const SOURCES_PREFIX = 'sources/';
export const ARCHIVE_PREFIX = 'archive/';
/** Revision documents: each revision's whole ParsedSheet, gzip JSON (shared/store/revision-documents.ts). */
export const PARSED_PREFIX = 'parsed/';
export const SOURCE_SUFFIXES = ['.txt', '.html'] as const;

export const functions: Readonly<Record<FunctionName, FunctionSpec>> = {
  ingest: {
    entry: 'functions/ingest.ts',
    description:
      'Parses an uploaded fact sheet (or reprocesses or previews one for the api) and publishes a new revision',
    memoryMb: 1024,
    timeoutSeconds: 60,
    access: {
      table: 'readWrite',
      // parsed/: it writes each revision's document and reads the previous one (diff, finalize).
      bucketRead: [SOURCES_PREFIX, ARCHIVE_PREFIX, PARSED_PREFIX],
      bucketWrite: [ARCHIVE_PREFIX, PARSED_PREFIX],
      events: true,
    },
    reservedConcurrency: 10,
  },
  api: {
    entry: 'functions/api.ts',
    description:
      'Serves sheets, figures, revisions and diffs; accepts uploads; reprocesses and previews through ingest',
    memoryMb: 1024,
    timeoutSeconds: 29,
    access: {
      table: 'readWrite',
      // Uploads and source refreshes write sources/; reprocessing (reads archive/) runs in ingest. It reads
      // revision documents (parsed/) and pre-signs GETs of them for revisions too large for one response.
      bucketRead: [PARSED_PREFIX],
      bucketWrite: [SOURCES_PREFIX],
      invoke: ['ingest'],
      // POST /sources/{id}/refresh fetches, and PUT /sources/{id} checks the URL against the allowed hosts.
      fetch: true,
      // Subscriptions: secrets are encrypted on registration; `POST /subscriptions/{id}/test` emits a ping.
      events: true,
      webhookSecrets: true,
    },
  },
  authorizer: {
    entry: 'functions/authorizer.ts',
    description: 'Checks the bearer token of write requests against stored token hashes',
    memoryMb: 256,
    timeoutSeconds: 5,
    // It only looks up `TOKEN#{sha256}` items, so that is all it may read.
    access: { table: 'tokens' },
  },
  refresh: {
    entry: 'functions/refresh.ts',
    description: 'Refreshes registered source URLs with conditional GETs',
    memoryMb: 512,
    timeoutSeconds: 300,
    access: { table: 'readWrite', bucketWrite: [SOURCES_PREFIX], fetch: true, events: true },
  },
  notify: {
    entry: 'functions/notify.ts',
    description: 'Delivers domain events to webhook subscriptions (Standard Webhooks), from the notify queue',
    memoryMb: 512,
    // Deliveries run concurrently, each bounded by the 10 s webhook timeout.
    timeoutSeconds: 60,
    access: { table: 'readWrite', webhookSecrets: true },
  },
};

/** The bus domain events go to (EventBridge custom bus on AWS, in process locally). */
export const eventBus = {
  /** `Source` of every entry; the notify rule matches on it. */
  source: 'factsheet.pipeline',
} as const;

/**
 * The queue between the bus rule and the notify function. A delivery that fails is retried after
 * `backoffSeconds(receiveCount)` (the function sets the message's visibility; the local queue waits the
 * same), at most `maxReceiveCount` times in all, then the message goes to the dead-letter queue.
 */
export const notifyQueue = {
  function: 'notify' as FunctionName,
  maxReceiveCount: 8,
  batchSize: 10,
  /** Must exceed the notify function's timeout (SQS requires at least that for an event source). */
  visibilityTimeoutSeconds: 6 * 60,
  retentionDays: 4,
  /** 30 s, 1 min, 2 min … capped at 1 h: about 1 h of retries in all before the dead-letter queue. */
  backoffSeconds: (receiveCount: number): number => Math.min(3600, 30 * 2 ** Math.max(0, receiveCount - 1)),
} as const;

export const s3Trigger = {
  function: 'ingest' as FunctionName,
  prefix: SOURCES_PREFIX,
  suffixes: SOURCE_SUFFIXES,
  /** Lambda async invocation: retries after the first attempt, then the dead-letter queue. */
  retryAttempts: 2,
  maxEventAgeSeconds: 6 * 60 * 60,
} as const;

/** One function the schedule runs; `input` replaces EventBridge's scheduled-event payload when given. */
export interface ScheduleTarget {
  function: FunctionName;
  input?: Readonly<Record<string, unknown>>;
}

export interface ScheduleSpec {
  /** Default rate; `REFRESH_RATE` overrides it locally, the `refreshRate` context value on AWS. */
  rate: string;
  /** Every run invokes each target asynchronously. */
  targets: readonly ScheduleTarget[];
  /** Retries after the first failed delivery, then the dead-letter queue. */
  retryAttempts: number;
  maxEventAgeSeconds: number;
}

export const schedule: ScheduleSpec = {
  rate: '1 day',
  targets: [
    { function: 'refresh' },
    // Re-parses sheets stored by an older parser version: after a deploy, the next run updates them all.
    { function: 'ingest', input: { type: 'reprocess-stale' } },
  ],
  retryAttempts: 2,
  maxEventAgeSeconds: 60 * 60,
};

/** The schedule target carrying the reprocess-stale input (the local runtime also runs it on start). */
export function reprocessStaleTarget(): ScheduleTarget | undefined {
  return schedule.targets.find((t) => t.input?.type === 'reprocess-stale');
}

export const deadLetter = {
  /** Messages kept in the SQS DLQ (AWS) / lines kept in `.data/dead-letter.jsonl` (local). */
  retentionDays: 14,
  localFile: 'dead-letter.jsonl',
} as const;
