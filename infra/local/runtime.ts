/**
 * The local target: the same handlers as on AWS, wired from shared/topology.ts to embedded emulators.
 * `startRuntime` returns once the API answers, every pending upload (seed, reconcile) is ingested, and
 * sheets parsed by an older parser version are reprocessed.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { PARSER_VERSION } from '../../shared/parse/version';
import type { ReprocessStaleResult } from '../../shared/pipeline/reprocess-stale-invocation';
import {
  deadLetter,
  type FunctionName,
  functions,
  reprocessStaleTarget,
  s3Trigger,
  schedule,
} from '../../shared/topology';
import { AsyncInvoker } from './async-invoker';
import { reprocessStaleCurrent, takeCleanStop, writeCleanStop } from './clean-stop';
import { inspectDataDir } from './data-dir';
import { startEmulatorWorker } from './emulator-host';
import type { Emulators } from './emulators';
import { PortInUseError } from './errors';
import type { HandlerModules, LocalHandlers } from './handlers';
import { assertPortFree } from './port';
import { planReconcile } from './reconcile';
import { reconcileOutcome, type UnrecoveredUpload } from './reconcile-outcome';
import { S3EventRewriter } from './s3-events';
import { explainStartFailure } from './s3rver-metadata';
import { startSchedule } from './schedule';
import { isReprocessStaleResult, reprocessedLine, ScheduleTargets } from './schedule-targets';
import { loadSeeds } from './seed';
import { ensureWriteToken, type TokenStatus } from './token';

export interface RuntimeOptions {
  port: number;
  dataDir: string;
  apiToken?: string;
  /** Null disables the schedule timer (refresh and reprocess-stale); start-up still reprocesses stale sheets. */
  refreshRateMs: number | null;
  /** Test hook (LOCAL_INGEST_DELAY_MS): hold each S3 event this long before ingest sees it. */
  ingestDelayMs?: number;
  /** Backoff between async retries; Lambda waits minutes, the local default is 1 s, 2 s. */
  retryBackoffMs?: (retry: number) => number;
  /** Wait before a failed webhook delivery is retried (default: the topology's, 30 s doubling). */
  notifyBackoffMs?: (receiveCount: number) => number;
  projectRoot?: string;
  log?: (line: string) => void;
  /** The emulators died while running (main.ts reports it and exits 1). */
  onFatal?: (err: Error) => void;
}

export interface RuntimeHandle {
  url: string;
  port: number;
  dataDir: string;
  firstStart: boolean;
  token: TokenStatus;
  /** Keys seeded on this start, and the unpublished uploads reconciliation re-ingested and published. */
  seeded: string[];
  reconciled: string[];
  /** Unpublished uploads reconciliation found but could not publish (rejected, or failed again). */
  unrecovered: UnrecoveredUpload[];
  /** What start-up's reprocess-stale run re-parsed (null when it published nothing). */
  reprocessed: ReprocessStaleResult | null;
  deadLetterFile: string;
  /** Process RSS, this thread's heap and the emulator worker's heap in use, bytes (for the soak bench). */
  memory(): Promise<{ rss: number; heapUsed: number; emulatorHeapUsed: number | null }>;
  /** Resolves when no ingest or schedule-target (refresh, reprocess-stale) invocation is pending. */
  idle(): Promise<void>;
  /** Resolves when no webhook delivery is pending (delivered, dropped or dead-lettered). */
  notifyIdle(): Promise<void>;
  /** Queued deliveries a previous run left, resumed on this start. */
  resumedDeliveries: number;
  stop(): Promise<void>;
}

export const LOCAL_TABLE_NAME = 'factsheets';
/** s3rver accepts only these (EMULATOR_CREDENTIALS in emulators.ts, not imported: it loads both emulators). */
const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const LOCAL_BUCKET_NAME = 'factsheets';

/** What the handlers read at load time (as Lambda configuration would set it); endpoints come later. */
function exportStaticEnvironment(): string {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const hosts = new Set((process.env.ALLOWED_HOSTS ?? '').split(',').filter(Boolean));
  hosts.add('127.0.0.1');
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_REGION: region,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: LOCAL_TABLE_NAME,
    BUCKET_NAME: LOCAL_BUCKET_NAME,
    // As bind-access.ts sets it on AWS; the Lambda endpoint serves the topology's function names.
    INGEST_FUNCTION_NAME: 'ingest' satisfies FunctionName,
    ALLOWED_HOSTS: [...hosts].join(','),
    ALLOW_PRIVATE_ADDRESSES: process.env.ALLOW_PRIVATE_ADDRESSES ?? 'true',
    POWERTOOLS_METRICS_NAMESPACE: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'FactSheets',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // EMF metric lines are for CloudWatch; locally they would bury the ready line.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  });
  delete process.env.AWS_PROFILE;
  return region;
}

/** Points the handlers' SDK clients at the emulators (they read these variables, as they would on AWS). */
function exportEndpoints(emulators: Emulators): void {
  process.env.AWS_ENDPOINT_URL_S3 = emulators.s3Endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.dynamoEndpoint;
  aws().resetClients();
}

// The AWS SDK, the handlers and their repositories load lazily, while the emulator worker boots in parallel.
const aws = () => require('../../shared/aws/clients') as typeof import('../../shared/aws/clients');
const s3 = () => require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
const handlersModule = () => require('./handlers') as typeof import('./handlers');
const resources = () => require('./resources') as typeof import('./resources');
const sourceObjects = () => require('./source-objects') as typeof import('./source-objects');
const lambdaEndpoint = () => require('./lambda-endpoint') as typeof import('./lambda-endpoint');
const notifications = () => require('./notifications') as typeof import('./notifications');

function listen(server: Server, port: number): Promise<number> {
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

/** Starts emulators, resources, handlers, wiring, seed and reconciliation, then the HTTP server. */
export async function startRuntime(options: RuntimeOptions): Promise<RuntimeHandle> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const projectRoot = options.projectRoot ?? resolve(__dirname, '..', '..');
  await assertPortFree(options.port);
  const { firstStart } = await inspectDataDir(dataDir);
  const cleanStop = takeCleanStop(dataDir);
  const region = exportStaticEnvironment();
  Object.assign(
    process.env,
    notifications().notificationEnvironment(await notifications().ensureKeyFile(dataDir)),
  );
  const starting = startEmulatorWorker(dataDir, (err) => {
    log(err.message);
    options.onFatal?.(err);
  });
  let modules: HandlerModules;
  try {
    modules = handlersModule().requireHandlerModules();
  } catch (err) {
    await starting.then((e) => e.stop()).catch(() => undefined);
    throw err;
  }
  const emulators = await starting;
  const cleanups: (() => Promise<void> | void)[] = [() => emulators.stop()];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  let step = 'opening the table in DATA_DIR/dynamodb (dynalite)';
  try {
    exportEndpoints(emulators);
    await resources().ensureTable(LOCAL_TABLE_NAME);
    step = 'opening the bucket in DATA_DIR/s3 (s3rver)';
    await resources().ensureBucket(LOCAL_BUCKET_NAME);
    step = 'starting the handlers and the local Lambda endpoint';
    const handlers: LocalHandlers = handlersModule().bindHandlers(modules, region, LOCAL_TABLE_NAME);
    // The api reprocesses by invoking ingest through the Lambda API, as on AWS.
    const invokeEndpoint = await lambdaEndpoint().startLambdaEndpoint(
      { ingest: handlers.ingest },
      { region },
    );
    cleanups.push(() => invokeEndpoint.close());
    process.env.AWS_ENDPOINT_URL_LAMBDA = invokeEndpoint.url;
    aws().resetClients();
    step = 'checking the write token (DATA_DIR/token.json and the table)';
    const token = await ensureWriteToken({
      apiToken: options.apiToken,
      markerFile: join(dataDir, 'token.json'),
      tokens: handlers.tokens,
    });

    const deadLetterFile = join(dataDir, deadLetter.localFile);
    // Before anything emits: deliveries a previous run left pending resume now, new events queue behind them.
    const notify = await notifications().startNotifications({
      dataDir,
      region,
      handlers,
      deadLetterFile,
      backoffMs: options.notifyBackoffMs,
      log,
    });
    cleanups.push(() => notify.stop());
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = notify.endpointUrl;
    aws().resetClients();
    const backoffMs = options.retryBackoffMs;
    const ingest = new AsyncInvoker<S3Event>({
      name: s3Trigger.function,
      handler: handlers.ingest,
      retryAttempts: s3Trigger.retryAttempts,
      backoffMs,
      deadLetterFile,
      deliveryDelayMs: options.ingestDelayMs,
      concurrency: Math.min(functions.ingest.reservedConcurrency ?? 4, 4),
      log,
    });
    let startupRun = true;
    let reprocessed: ReprocessStaleResult | null = null;
    let staleLeft = cleanStop?.staleLeft ?? 0;
    const scheduled = new ScheduleTargets({
      targets: schedule.targets,
      handlers: { ingest: handlers.ingest, refresh: handlers.refresh },
      region,
      retryAttempts: schedule.retryAttempts,
      backoffMs,
      deadLetterFile,
      log,
      onResult: (_target, result) => {
        if (isReprocessStaleResult(result)) staleLeft = result.failed.length + result.rejected;
        if (!isReprocessStaleResult(result) || result.published === 0) return;
        // Start-up's run is printed by main.ts before the ready line; later runs are logged as they end.
        if (startupRun) reprocessed = result;
        else log(reprocessedLine(result) ?? '');
      },
    });
    cleanups.push(
      () => ingest.stop(),
      () => scheduled.stop(),
    );

    const rewriter = new S3EventRewriter({
      region,
      filter: { prefix: s3Trigger.prefix, suffixes: s3Trigger.suffixes },
    });
    const awaited = new Map<string, () => void>();
    emulators.s3Events.on('event', (raw: unknown) => {
      for (const event of rewriter.fromS3rver(raw)) {
        ingest.invoke(event);
        const key = decodeURIComponent(event.Records[0]!.s3.object.key.replace(/\+/g, ' '));
        awaited.get(key)?.();
      }
    });
    /** Resolves when s3rver's event for `key` reached the invoker (it arrives from the worker thread). */
    const eventDelivered = (key: string) =>
      new Promise<void>((done) => {
        const timer = setTimeout(done, 5000);
        awaited.set(key, () => {
          clearTimeout(timer);
          awaited.delete(key);
          done();
        });
      });

    // Reconcile before seeding: on a first start there is nothing to reconcile, and a seed is never ingested twice.
    step = 'reading the sources/ objects of DATA_DIR/s3 (s3rver) to recover unpublished uploads';
    // After a clean stop nothing is unpublished: what it would list is what the last run already saw.
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
    step = 'seeding the fixtures';
    const seeded: string[] = [];
    if (firstStart) {
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
    }
    step = 'ingesting the recovered uploads';
    await ingest.idle();
    const outcome = await reconcileOutcome(pending, handlers.readState);
    // A new PARSER_VERSION applies on this start, not a schedule run later; a current sheet costs one read.
    step = 'reprocessing sheets parsed by an older parser version';
    const stale = reprocessStaleTarget();
    if (stale && !reprocessStaleCurrent(cleanStop, PARSER_VERSION)) {
      scheduled.invoke(stale);
      await scheduled.idle();
    }
    startupRun = false;

    step = 'starting the API server';
    const server = handlers.createHttpServer();
    const port = await listen(server, options.port);
    // Runs once the server below has closed: a stop with nothing in flight marks DATA_DIR clean.
    cleanups.push(() => {
      if (ingest.isIdle() && scheduled.isIdle()) {
        writeCleanStop(dataDir, { at: new Date().toISOString(), parserVersion: PARSER_VERSION, staleLeft });
      }
    });
    cleanups.push(
      () =>
        new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
    );
    if (options.refreshRateMs !== null) {
      const stopTimer = startSchedule(options.refreshRateMs, () => scheduled.fire());
      cleanups.push(stopTimer);
    }

    return {
      url: `http://127.0.0.1:${port}`,
      port,
      dataDir,
      firstStart,
      token,
      seeded,
      reconciled: outcome.published,
      unrecovered: outcome.unrecovered,
      reprocessed,
      deadLetterFile,
      memory: async () => {
        (globalThis as { gc?: () => void }).gc?.();
        const { rss, heapUsed } = process.memoryUsage();
        return { rss, heapUsed, emulatorHeapUsed: (await emulators.heapUsed?.()) ?? null };
      },
      idle: async () => {
        await ingest.idle();
        await scheduled.idle();
      },
      notifyIdle: () => notify.queue.idle(),
      resumedDeliveries: notify.resumed,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll().catch(() => undefined);
    throw explainStartFailure(dataDir, step, err);
  }
}
