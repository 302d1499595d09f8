/**
 * Which ingest failures become a rejection on the sheet. A transient failure (throttling, a 5xx, a lost
 * connection, lost publish races) may succeed on a retry, so it only throws: Lambda retries, the DLQ
 * keeps what still fails, and the next attempt (or the local runtime's next start) ingests the bytes.
 * Anything else fails the same way on the same bytes: a parser or publisher bug, a stack overflow on
 * hostile input, damaged stored bytes. Retrying cannot help, and Lambda tells a handler nothing about
 * which attempt it runs, so each such failure is written as an error record on the sheet (`lastError`,
 * naming the bytes by their SHA-256) before it is rethrown: the client sees the failure at once instead of
 * waiting, the DLQ and its alarm still see it, and the local runtime's start-up skips those bytes rather
 * than failing on them again at every start. The same code runs on AWS and locally.
 */

import { isTransientAwsError } from '../aws/errors';
import { CorruptObjectError, isAppError, type SourceRejection } from '../errors';
import type { SheetErrorRecord } from '../store/ports';

const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** Error messages are the client's to read; a stack overflow's message is short, a bug's may not be. */
const MAX_MESSAGE = 500;

function isTransient(err: unknown): boolean {
  if (isAppError(err)) return err.retryable;
  if (isTransientAwsError(err)) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_SYSTEM_CODES.has(code);
}

/** The error record for a failure that a retry would repeat, or null when it may be transient. */
export function failureRecord(
  err: unknown,
  key: string,
  attemptedHash: string | undefined,
  at: string,
): (SheetErrorRecord & { reason: SourceRejection }) | null {
  if (err instanceof CorruptObjectError) {
    return { at, key, reason: 'corrupt-object', message: err.message, sourceHash: err.sourceHash };
  }
  if (isTransient(err) || isAppError(err)) return null;
  const name = err instanceof Error ? err.name : 'Error';
  const detail = err instanceof Error ? err.message : String(err);
  const message = `Ingest failed on this document (${name}: ${detail})`.slice(0, MAX_MESSAGE);
  return { at, key, reason: 'ingest-failed', message, ...(attemptedHash && { sourceHash: attemptedHash }) };
}
