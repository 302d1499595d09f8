/**
 * `npm start`: reads PORT, DATA_DIR, API_TOKEN, REFRESH_RATE (and the LOCAL_INGEST_DELAY_MS and
 * LOCAL_NOTIFY_BACKOFF_MS test hooks), starts the local runtime, prints one ready line with the API URL, and stops cleanly on SIGINT/SIGTERM.
 * Any start failure is one line on stderr and exit code 1.
 */
import { buildConsole } from '../../console/build';
import { provideConsole } from '../../shared/api/console-files';
import { ConfigError } from '../../shared/config';
import { schedule } from '../../shared/topology';
import { LocalRuntimeError } from './errors';
import { unrecoveredLine } from './reconcile-outcome';
import { startRuntime } from './runtime';
import { parseRate } from './schedule';
import { reprocessedLine } from './schedule-targets';
import type { TokenStatus } from './token';

function intFromEnv(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ConfigError(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
  }
  return value;
}

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

async function main(): Promise<void> {
  const port = intFromEnv('PORT', 3000, 65_535);
  const refreshRateMs = parseRate(process.env.REFRESH_RATE ?? schedule.rate);
  // Built in memory on the first /console request, so `npm start` needs no build step.
  provideConsole(buildConsole);
  const runtime = await startRuntime({
    port,
    dataDir: process.env.DATA_DIR || '.data',
    apiToken: process.env.API_TOKEN || undefined,
    refreshRateMs,
    ingestDelayMs: intFromEnv('LOCAL_INGEST_DELAY_MS', 0, 3_600_000) || undefined,
    notifyBackoffMs: notifyBackoff(intFromEnv('LOCAL_NOTIFY_BACKOFF_MS', 0, 3_600_000)),
    log: (line) => console.error(line),
    onFatal: (err) => {
      console.error(`npm start: stopping: ${err.message}`);
      process.exit(1);
    },
  });
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
      refreshRateMs === null ? 'off' : (process.env.REFRESH_RATE ?? schedule.rate)
    }  (Ctrl+C stops)`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    runtime.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`error while stopping: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  const known = err instanceof LocalRuntimeError || err instanceof ConfigError;
  const message = err instanceof Error ? err.message : String(err);
  console.error(known ? `npm start: ${message}` : `npm start failed: ${message}`);
  process.exit(1);
});
