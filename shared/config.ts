/**
 * Configuration, read once from the environment and checked. Domain code receives these values as
 * arguments; only handlers and the local runtime call `loadConfig`.
 */

export interface AppConfig {
  tableName: string;
  bucketName: string;
  /** Largest accepted source document, bytes. */
  maxSourceBytes: number;
  /** Hosts the refresh may fetch from. */
  allowedHosts: string[];
  /** Allow fetching from private/loopback addresses (local runtime and tests only). */
  allowPrivateAddresses: boolean;
  refreshConcurrency: number;
  fetchTimeoutMs: number;
  /** Seconds a client may cache the latest-revision pointer (Cache-Control max-age on mutable reads). */
  readMaxAgeSeconds: number;
  /** The ingest function the api invokes to reprocess (INGEST_FUNCTION_NAME); only the api needs it. */
  ingestFunctionName?: string;
}

export const DEFAULT_ALLOWED_HOSTS = ['www.state.gov', 'state.gov', '2009-2017.state.gov'];
export const DEFAULT_MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/**
 * Most figures one revision may hold. Real fact sheets have tens to a few hundred; a dense upload near the
 * size limit could yield ~170,000, and every figure costs a projection item, diff work and response bytes,
 * so more than this is refused as `too-many-figures` before anything is written.
 */
export const MAX_FIGURES_PER_SHEET = 20_000;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Environment variable ${name} is required but not set`);
  }
  return value.trim();
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`Environment variable ${name} must be a positive integer, got "${raw}"`);
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

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** For functions bound to the table only (the authorizer): TABLE_NAME, nothing else required. */
export function loadTableName(env: Env = process.env): string {
  return required(env, 'TABLE_NAME');
}

/** Reads and validates the environment. Throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const extraHosts = list(env, 'ALLOWED_HOSTS');
  const ingestFunctionName = env.INGEST_FUNCTION_NAME?.trim();
  return {
    tableName: required(env, 'TABLE_NAME'),
    bucketName: required(env, 'BUCKET_NAME'),
    maxSourceBytes: positiveInt(env, 'MAX_SOURCE_BYTES', DEFAULT_MAX_SOURCE_BYTES),
    allowedHosts: [...new Set([...DEFAULT_ALLOWED_HOSTS, ...extraHosts])],
    allowPrivateAddresses: booleanEnv(env, 'ALLOW_PRIVATE_ADDRESSES', false),
    refreshConcurrency: positiveInt(env, 'REFRESH_CONCURRENCY', 4),
    fetchTimeoutMs: positiveInt(env, 'FETCH_TIMEOUT_MS', 10_000),
    readMaxAgeSeconds: positiveInt(env, 'READ_MAX_AGE_SECONDS', 5),
    ...(ingestFunctionName && { ingestFunctionName }),
  };
}
