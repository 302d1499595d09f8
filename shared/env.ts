/**
 * Every environment variable the project reads, named once, and the strict readers for them. Who sets
 * them: on AWS, `infra/constructs/bind-access.ts` (from each function's topology access) and the function
 * construct; locally, `infra/local/environment.ts` (the same names, the same meanings). Who reads them:
 * `shared/config.ts` and the composition roots (`shared/wiring/`), the SDK clients (endpoint overrides)
 * and `npm start` (`infra/local/environment.ts`). A bad value is a ConfigError naming the variable.
 */
import type { FunctionName } from './topology';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const ENV = {
  // Bound from a function's topology access (bind-access.ts; notifications.ts for the queue).
  tableName: 'TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  allowedHosts: 'ALLOWED_HOSTS',
  eventBusName: 'EVENT_BUS_NAME',
  subscriptionKeySecretArn: 'SUBSCRIPTION_KEY_SECRET_ARN',
  notifyQueueUrl: 'NOTIFY_QUEUE_URL',
  // Function settings with defaults (config.ts, notify/webhook-url.ts, notify/secret-box.ts).
  maxSourceBytes: 'MAX_SOURCE_BYTES',
  allowPrivateAddresses: 'ALLOW_PRIVATE_ADDRESSES',
  refreshConcurrency: 'REFRESH_CONCURRENCY',
  fetchTimeoutMs: 'FETCH_TIMEOUT_MS',
  readMaxAgeSeconds: 'READ_MAX_AGE_SECONDS',
  webhookTimeoutMs: 'WEBHOOK_TIMEOUT_MS',
  webhookAllowLoopback: 'WEBHOOK_ALLOW_LOOPBACK',
  /** The local runtime's webhook-secret key file (SUBSCRIPTION_KEY_SECRET_ARN's stand-in). */
  subscriptionKeyFile: 'SUBSCRIPTION_KEY_FILE',
  // Powertools (the function construct sets the namespace; the local runtime sets all three).
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
  logLevel: 'POWERTOOLS_LOG_LEVEL',
  metricsDisabled: 'POWERTOOLS_METRICS_DISABLED',
  // `npm start` (infra/local/main.ts), and its test hooks.
  port: 'PORT',
  dataDir: 'DATA_DIR',
  apiToken: 'API_TOKEN',
  refreshRate: 'REFRESH_RATE',
  localIngestDelayMs: 'LOCAL_INGEST_DELAY_MS',
  localNotifyBackoffMs: 'LOCAL_NOTIFY_BACKOFF_MS',
} as const;

/** The services whose SDK endpoint an `AWS_ENDPOINT_URL_<SERVICE>` variable overrides (emulators). */
export type SdkService = 'S3' | 'DYNAMODB' | 'LAMBDA' | 'EVENTBRIDGE';

export function sdkEndpointVariable(service: SdkService): `AWS_ENDPOINT_URL_${SdkService}` {
  return `AWS_ENDPOINT_URL_${service}`;
}

/** The variable that carries the name of an invoked function: `ingest` → INGEST_FUNCTION_NAME. */
export function functionNameVariable(name: FunctionName): string {
  return `${name.toUpperCase()}_FUNCTION_NAME`;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** The trimmed value, or undefined when unset or blank. */
export function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) throw new ConfigError(`Environment variable ${name} is required but not set`);
  return value;
}

export function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`Environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** An integer from 0 to `max`; unset means `fallback`. */
export function boundedInt(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ConfigError(`${name} must be an integer from 0 to ${max}, got "${raw}"`);
  }
  return value;
}

/** `true` or `false` (any case); unset means `fallback`. Anything else is a ConfigError, never a silent false. */
export function booleanEnv(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(`Environment variable ${name} must be true or false, got "${raw}"`);
}

/** A comma-separated list, lower-cased, blanks dropped. */
export function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}
