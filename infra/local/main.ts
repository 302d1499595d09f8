/**
 * `npm start`: reads PORT, DATA_DIR, API_TOKEN, REFRESH_RATE (and the LOCAL_INGEST_DELAY_MS and
 * LOCAL_NOTIFY_BACKOFF_MS test hooks) through environment.ts, starts the local runtime, prints one ready line with the API URL, and stops cleanly on SIGINT/SIGTERM.
 * Any start failure is one line on stderr and exit code 1.
 */
import { buildConsole } from '../../console/build';
import { provideConsole } from '../../shared/api/console-files';
import { ConfigError } from '../../shared/config';
import { readStartEnvironment } from './environment';
import { LocalRuntimeError } from './errors';
import { unrecoveredLine } from './reconcile-outcome';
import { startRuntime } from './runtime';
import { parseRate } from './schedule';
import { reprocessedLine } from './schedule-targets';
import type { TokenStatus } from './token';

function tokenLines(token: TokenStatus): string[] {
  switch (token.kind) {
    case 'generated':
      return [
        `Write token (shown once, stored hashed): ${token.token}`,
        `  use it: export FACTSHEET_TOKEN=${token.token}   or   curl -H "Authorization: Bearer ${token.token}" …`,
      ];
    case 'env':
      return ['Write token: the API_TOKEN you set (stored hashed)'];
    case 'existing':
      return [
        `Write token: one was generated on ${token.createdAt} and printed then (only its hash is stored).`,
        '  lost it? start with API_TOKEN=<new secret> npm start to add a new one',
      ];
  }
}

/** Test hook: a fixed wait between webhook retries instead of the topology's 30 s doubling. */
function notifyBackoff(ms: number): ((receiveCount: number) => number) | undefined {
  return ms > 0 ? () => ms : undefined;
}

function finish(stopped: Promise<void>): void {
  stopped.then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`error while stopping: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

async function main(): Promise<void> {
  const env = readStartEnvironment();
  const refreshRateMs = parseRate(env.refreshRate);
  // Built in memory on the first /console request, so `npm start` needs no build step.
  provideConsole(buildConsole);
  // Installed before anything starts: a signal that lands before Node has a handler for it kills the
  // process with the default action (no clean stop, DATA_DIR lock left), and a supervisor may send one
  // the moment it reads the ready line, or while start-up is still running.
  let stopRuntime: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    if (stopRuntime) finish(stopRuntime());
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const runtime = await startRuntime({
    port: env.port,
    dataDir: env.dataDir,
    apiToken: env.apiToken,
    refreshRateMs,
    ingestDelayMs: env.ingestDelayMs || undefined,
    notifyBackoffMs: notifyBackoff(env.notifyBackoffMs),
    log: (line) => console.error(line),
    onFatal: (err) => {
      console.error(`npm start: stopping: ${err.message}`);
      process.exit(1);
    },
  });
  stopRuntime = () => runtime.stop();
  // A signal during start-up stops the runtime as soon as there is one to stop, without a ready line.
  if (stopping) return finish(stopRuntime());
  for (const line of tokenLines(runtime.token)) console.log(line);
  if (runtime.seeded.length > 0) console.log(`Seeded: ${runtime.seeded.join(', ')}`);
  if (runtime.resumedDeliveries > 0)
    console.log(`Resumed pending webhook deliveries: ${runtime.resumedDeliveries}`);
  if (runtime.reconciled.length > 0)
    console.log(`Recovered unpublished uploads: ${runtime.reconciled.join(', ')}`);
  const unrecovered = unrecoveredLine(runtime.unrecovered);
  if (unrecovered) console.log(unrecovered);
  const reprocessed = runtime.reprocessed && reprocessedLine(runtime.reprocessed);
  if (reprocessed) console.log(reprocessed);
  console.log(
    `Ready: API ${runtime.url}  docs ${runtime.url}/docs  console ${runtime.url}/console  data ${runtime.dataDir}  refresh ${
      refreshRateMs === null ? 'off' : env.refreshRate
    }  (Ctrl+C stops)`,
  );
}

main().catch((err: unknown) => {
  const known = err instanceof LocalRuntimeError || err instanceof ConfigError;
  const message = err instanceof Error ? err.message : String(err);
  console.error(known ? `npm start: ${message}` : `npm start failed: ${message}`);
  process.exit(1);
});
