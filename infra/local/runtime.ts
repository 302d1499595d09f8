/**
 * The local target: the same handlers as on AWS, wired from shared/topology.ts to embedded emulators.
 * `startRuntime` returns once the API answers, every pending upload (seed, reconcile) is ingested, and
 * sheets parsed by an older parser version are reprocessed. The environment is environment.ts; the steps
 * are startup-steps.ts.
 */
import { join, resolve } from 'node:path';
import { PARSER_VERSION } from '../../shared/parse/version';
import type { ReprocessStaleResult } from '../../shared/pipeline/reprocess-stale-invocation';
import { deadLetter } from '../../shared/topology';
import { takeCleanStop, writeCleanStop } from './clean-stop';
import { inspectDataDir } from './data-dir';
import { startEmulatorWorker } from './emulator-host';
import { exportEndpoints, exportStaticEnvironment, LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME } from './environment';
import type { HandlerModules, LocalHandlers } from './handlers';
import { assertPortFree } from './port';
import { reconcileOutcome, type UnrecoveredUpload } from './reconcile-outcome';
import { explainStartFailure } from './s3rver-metadata';
import { startSchedule } from './schedule';
import {
  closeServer,
  deliverS3Events,
  listen,
  recoverUnpublished,
  reprocessStaleOnStart,
  type StaleReport,
  s3EventRewriter,
  seedFixtures,
  startIngestInvoker,
  startScheduleTargets,
} from './startup-steps';
import { ensureWriteToken, type TokenStatus } from './token';

// Where the tests and benches have always imported them from.
export { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME };

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

// The handlers and their repositories load lazily, while the emulator worker boots in parallel.
const handlersModule = () => require('./handlers') as typeof import('./handlers');
const resources = () => require('./resources') as typeof import('./resources');
const lambdaEndpoint = () => require('./lambda-endpoint') as typeof import('./lambda-endpoint');
const notifications = () => require('./notifications') as typeof import('./notifications');

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
    exportEndpoints({ S3: emulators.s3Endpoint, DYNAMODB: emulators.dynamoEndpoint });
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
    exportEndpoints({ LAMBDA: invokeEndpoint.url });
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
    exportEndpoints({ EVENTBRIDGE: notify.endpointUrl });
    const settings = { region, deadLetterFile, backoffMs: options.retryBackoffMs, log };
    const ingest = startIngestInvoker(handlers, { ...settings, deliveryDelayMs: options.ingestDelayMs });
    const report: StaleReport = { startupRun: true, reprocessed: null, staleLeft: cleanStop?.staleLeft ?? 0 };
    const scheduled = startScheduleTargets(handlers, settings, report);
    cleanups.push(
      () => ingest.stop(),
      () => scheduled.stop(),
    );
    const rewriter = s3EventRewriter(region);
    const eventDelivered = deliverS3Events(emulators, rewriter, ingest);

    // Reconcile before seeding: on a first start there is nothing to reconcile, and a seed is never ingested twice.
    step = 'reading the sources/ objects of DATA_DIR/s3 (s3rver) to recover unpublished uploads';
    const pending = await recoverUnpublished(cleanStop, handlers, rewriter, ingest);
    step = 'seeding the fixtures';
    const seeded = firstStart ? await seedFixtures(projectRoot, eventDelivered) : [];
    step = 'ingesting the recovered uploads';
    await ingest.idle();
    const outcome = await reconcileOutcome(pending, handlers.readState);
    step = 'reprocessing sheets parsed by an older parser version';
    await reprocessStaleOnStart(scheduled, cleanStop);
    report.startupRun = false;

    step = 'starting the API server';
    const server = handlers.createHttpServer();
    const port = await listen(server, options.port);
    // Runs once the server below has closed: a stop with nothing in flight marks DATA_DIR clean.
    cleanups.push(() => {
      if (ingest.isIdle() && scheduled.isIdle()) {
        writeCleanStop(dataDir, {
          at: new Date().toISOString(),
          parserVersion: PARSER_VERSION,
          staleLeft: report.staleLeft,
        });
      }
    });
    cleanups.push(() => closeServer(server));
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
      reprocessed: report.reprocessed,
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
