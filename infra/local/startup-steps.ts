/**
 * The start-up steps of the local runtime (runtime.ts runs them in order): the ingest and schedule
 * invokers, S3 events from s3rver to ingest, recovery of unpublished uploads, the first start's seed, the
 * start-up reprocess of stale sheets, and the API server's listen and close.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Event } from 'aws-lambda';
import { PARSER_VERSION } from '../../shared/parse/version';
import type { ReprocessStaleResult } from '../../shared/pipeline/reprocess-stale-invocation';
import { decodeS3Key } from '../../shared/pipeline/s3-records';
import { functions, reprocessStaleTarget, s3Trigger, schedule } from '../../shared/topology';
import { AsyncInvoker } from './async-invoker';
import { type CleanStop, reprocessStaleCurrent } from './clean-stop';
import type { Emulators } from './emulators';
import { LOCAL_BUCKET_NAME } from './environment';
import { PortInUseError } from './errors';
import type { LocalHandlers } from './handlers';
import { planReconcile, type SourceObject } from './reconcile';
import { S3EventRewriter } from './s3-events';
import { isReprocessStaleResult, reprocessedLine, ScheduleTargets } from './schedule-targets';
import { loadSeeds } from './seed';

// Loaded lazily, while the emulator worker boots in parallel.
const aws = () => require('../../shared/aws/clients') as typeof import('../../shared/aws/clients');
const s3 = () => require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
const sourceObjects = () => require('./source-objects') as typeof import('./source-objects');

interface InvokerSettings {
  region: string;
  deadLetterFile: string;
  /** Backoff between async retries; Lambda waits minutes, the local default is 1 s, 2 s. */
  backoffMs?: (retry: number) => number;
  log: (line: string) => void;
}

/** Ingest as S3 invokes it: asynchronously, with the trigger's retries, then the dead-letter file. */
export function startIngestInvoker(
  handlers: LocalHandlers,
  settings: InvokerSettings & { deliveryDelayMs?: number },
): AsyncInvoker<S3Event> {
  return new AsyncInvoker<S3Event>({
    name: s3Trigger.function,
    handler: handlers.ingest,
    retryAttempts: s3Trigger.retryAttempts,
    backoffMs: settings.backoffMs,
    deadLetterFile: settings.deadLetterFile,
    deliveryDelayMs: settings.deliveryDelayMs,
    concurrency: Math.min(functions.ingest.reservedConcurrency ?? 4, 4),
    log: settings.log,
  });
}

/** What the schedule's reprocess-stale runs reported: start-up's run, and how many stale sheets remain. */
export interface StaleReport {
  startupRun: boolean;
  /** Start-up's run, when it published anything (main.ts prints it before the ready line). */
  reprocessed: ReprocessStaleResult | null;
  staleLeft: number;
}

/** The topology's schedule targets, each through its own invoker; later reprocess-stale runs are logged. */
export function startScheduleTargets(
  handlers: LocalHandlers,
  settings: InvokerSettings,
  report: StaleReport,
): ScheduleTargets {
  return new ScheduleTargets({
    targets: schedule.targets,
    handlers: { ingest: handlers.ingest, refresh: handlers.refresh },
    region: settings.region,
    retryAttempts: schedule.retryAttempts,
    backoffMs: settings.backoffMs,
    deadLetterFile: settings.deadLetterFile,
    log: settings.log,
    onResult: (_target, result) => {
      if (isReprocessStaleResult(result)) report.staleLeft = result.failed.length + result.rejected;
      if (!isReprocessStaleResult(result) || result.published === 0) return;
      if (report.startupRun) report.reprocessed = result;
      else settings.log(reprocessedLine(result) ?? '');
    },
  });
}

/** The S3 trigger's filter and event shape, locally. */
export function s3EventRewriter(region: string): S3EventRewriter {
  return new S3EventRewriter({ region, filter: { prefix: s3Trigger.prefix, suffixes: s3Trigger.suffixes } });
}

/**
 * Turns s3rver's events into real S3 events for the ingest invoker. Returns a function that resolves
 * when the event for a key reached the invoker (it arrives from the worker thread).
 */
export function deliverS3Events(
  emulators: Emulators,
  rewriter: S3EventRewriter,
  ingest: AsyncInvoker<S3Event>,
): (key: string) => Promise<void> {
  const awaited = new Map<string, () => void>();
  emulators.s3Events.on('event', (raw: unknown) => {
    for (const event of rewriter.fromS3rver(raw)) {
      ingest.invoke(event);
      const key = decodeS3Key(event.Records[0]!.s3.object.key);
      if (key !== null) awaited.get(key)?.();
    }
  });
  return (key) =>
    new Promise<void>((done) => {
      const timer = setTimeout(done, 5000);
      awaited.set(key, () => {
        clearTimeout(timer);
        awaited.delete(key);
        done();
      });
    });
}

/**
 * Every `sources/` object whose bytes are not published (and not already rejected), handed to ingest.
 * After a clean stop nothing is unpublished: what it would list is what the last run already saw.
 */
export async function recoverUnpublished(
  cleanStop: CleanStop | null,
  handlers: LocalHandlers,
  rewriter: S3EventRewriter,
  ingest: AsyncInvoker<S3Event>,
): Promise<SourceObject[]> {
  const pending = cleanStop
    ? []
    : await planReconcile(
        sourceObjects().listSourceObjects(LOCAL_BUCKET_NAME, s3Trigger.prefix),
        handlers.readState,
      );
  for (const object of pending) {
    const event = rewriter.fromObject({ bucket: LOCAL_BUCKET_NAME, ...object });
    if (event) ingest.invoke(event);
  }
  return pending;
}

/** Puts the seed fixtures into the bucket, one at a time, each once its event reached ingest. */
export async function seedFixtures(
  projectRoot: string,
  eventDelivered: (key: string) => Promise<void>,
): Promise<string[]> {
  const seeded: string[] = [];
  for (const seed of await loadSeeds(projectRoot)) {
    const delivered = eventDelivered(seed.key);
    await aws()
      .s3Client()
      .send(
        new (s3().PutObjectCommand)({
          Bucket: LOCAL_BUCKET_NAME,
          Key: seed.key,
          Body: seed.bytes,
          ContentType: seed.contentType,
        }),
      );
    await delivered;
    seeded.push(seed.key);
  }
  return seeded;
}

/** A new PARSER_VERSION applies on this start, not a schedule run later; a current sheet costs one read. */
export async function reprocessStaleOnStart(
  scheduled: ScheduleTargets,
  cleanStop: CleanStop | null,
): Promise<void> {
  const stale = reprocessStaleTarget();
  if (stale && !reprocessStaleCurrent(cleanStop, PARSER_VERSION)) {
    scheduled.invoke(stale);
    await scheduled.idle();
  }
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port) : err),
    );
    server.listen(port, '127.0.0.1', () => {
      server.removeAllListeners('error');
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
