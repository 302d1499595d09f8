/**
 * Translates AWS SDK failures into the domain hierarchy, so use cases never inspect SDK error names.
 */
import { TransientStoreError } from '../errors';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'SlowDown',
  'TimeoutError',
  'RequestTimeout',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

/** True for throttling, 5xx and connection failures: the operation may succeed if retried later. */
export function isTransientAwsError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as SdkLikeError;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return (
    TRANSIENT_NAMES.has(e.name ?? '') ||
    TRANSIENT_NAMES.has(e.code ?? '') ||
    e.$fault === 'server' ||
    status >= 500 ||
    e.$retryable !== undefined
  );
}

/** Rethrows `err` as TransientStoreError when transient, unchanged otherwise. */
export function translateAwsError(err: unknown, what: string): never {
  if (isTransientAwsError(err)) {
    const name = (err as SdkLikeError).name ?? 'error';
    throw new TransientStoreError(`${what} failed transiently (${name})`, { cause: err });
  }
  throw err;
}
