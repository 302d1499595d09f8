/**
 * Configuration, read once from the environment and checked. Domain code receives these values as
 * arguments; only handlers and the local runtime call `loadConfig`. The variables are named in env.ts.
 */
import {
  booleanEnv,
  ConfigError,
  ENV,
  type Env,
  functionNameVariable,
  list,
  optional,
  positiveInt,
  required,
} from './env';

// Imported from here by most of the code base.
export { booleanEnv, ConfigError };

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

/** For functions bound to the table only (the authorizer): TABLE_NAME, nothing else required. */
export function loadTableName(env: Env = process.env): string {
  return required(env, ENV.tableName);
}

/** Reads and validates the environment. Throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const extraHosts = list(env, ENV.allowedHosts);
  const ingestFunctionName = optional(env, functionNameVariable('ingest'));
  return {
    tableName: required(env, ENV.tableName),
    bucketName: required(env, ENV.bucketName),
    maxSourceBytes: positiveInt(env, ENV.maxSourceBytes, DEFAULT_MAX_SOURCE_BYTES),
    allowedHosts: [...new Set([...DEFAULT_ALLOWED_HOSTS, ...extraHosts])],
    allowPrivateAddresses: booleanEnv(env, ENV.allowPrivateAddresses, false),
    refreshConcurrency: positiveInt(env, ENV.refreshConcurrency, 4),
    fetchTimeoutMs: positiveInt(env, ENV.fetchTimeoutMs, 10_000),
    readMaxAgeSeconds: positiveInt(env, ENV.readMaxAgeSeconds, 5),
    ...(ingestFunctionName && { ingestFunctionName }),
  };
}

/** The metrics namespace Powertools is configured with (POWERTOOLS_METRICS_NAMESPACE), else `fallback`. */
export function metricsNamespace(fallback: string, env: Env = process.env): string {
  return optional(env, ENV.metricsNamespace) ?? fallback;
}
