/**
 * S3 notification records → ingest calls. Keys arrive form-URL-encoded as real S3 sends them (`+` is a
 * space, `%C3%B4` is `ô`). Records are handled one after another; one bad record never stops the others.
 * Failures that may succeed later (AppError.retryable, or anything unexpected) are collected so the
 * handler can throw once at the end: Lambda retries the event and the DLQ keeps what still fails.
 * Re-handling the records that already succeeded is harmless (same bytes → unchanged).
 */
import { isAppError } from '../errors';
import type { PipelineDeps } from './deps';
import { emitRejected } from './emit';
import { ingestObject } from './ingest';
import { failureRecord } from './ingest-failure';
import type { IngestOutcome } from './ingest-outcome';
import { parseSourceKey } from './source-key';

/** The fields of an S3 event record that ingest reads (a subset of aws-lambda's S3EventRecord). */
export interface S3RecordLike {
  eventName?: string;
  eventTime?: string;
  s3: { bucket: { name: string }; object: { key: string } };
}

/** Decodes an S3 event key: form-URL-encoded, `+` is a space. Null when the encoding is malformed. */
export function decodeS3Key(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export interface RecordsResult {
  outcomes: (IngestOutcome | { status: 'failed'; key: string; error: string })[];
  /** Errors worth a retry of the whole event. */
  retryable: unknown[];
}

/** Writes the rejection a retry would repeat (shared/pipeline/ingest-failure.ts); never throws. */
async function recordFailure(
  deps: PipelineDeps,
  err: unknown,
  key: string,
  attemptedHash: string | undefined,
): Promise<void> {
  const id = parseSourceKey(key);
  const record = id?.ok ? failureRecord(err, key, attemptedHash, deps.clock().toISOString()) : null;
  if (!id?.ok || !record) return;
  try {
    // The upload resource and subscribers learn of it like any other rejection of these bytes: the upload
    // alongside the error record, subscribers after both.
    const uploadId = record.sourceHash ?? attemptedHash;
    const { reason, message, at } = record;
    await Promise.all([
      deps.sheets.recordError(id.id, record),
      uploadId !== undefined &&
        deps.uploads?.recordOutcome(id.id, uploadId, { status: 'rejected', reason, message }, at),
    ]);
    if (uploadId !== undefined) {
      await emitRejected(deps, { sheetId: id.id, key, reason, message, uploadId, at });
    }
    deps.logger.warn('source rejected', {
      key,
      sheetId: id.id,
      reason: record.reason,
      error: record.message,
    });
    deps.metrics.count('IngestRejected');
  } catch (recordErr) {
    // The original failure is still thrown for a retry; a store that refuses this write refuses that too.
    deps.logger.error('could not record the ingest failure', { key, error: String(recordErr) });
  }
}

export async function ingestS3Records(
  deps: PipelineDeps,
  records: readonly S3RecordLike[],
  bucket: string,
): Promise<RecordsResult> {
  const result: RecordsResult = { outcomes: [], retryable: [] };
  for (const record of records) {
    const raw = record.s3.object.key;
    if (record.eventName !== undefined && !record.eventName.startsWith('ObjectCreated')) {
      result.outcomes.push({ status: 'ignored', reason: 'outside-sources' });
      continue;
    }
    if (record.s3.bucket.name !== bucket) {
      deps.logger.warn('record for another bucket, ignored', { key: raw, bucket: record.s3.bucket.name });
      result.outcomes.push({ status: 'ignored', reason: 'outside-sources' });
      continue;
    }
    const key = decodeS3Key(raw) ?? raw;
    let attemptedHash: string | undefined;
    try {
      result.outcomes.push(
        await ingestObject(deps, {
          key,
          ...(record.eventTime !== undefined && { eventTime: record.eventTime }),
          onBytes: (hash) => {
            attemptedHash = hash;
          },
        }),
      );
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const retryable = !isAppError(err) || err.retryable;
      deps.logger.error('ingest failed', { key, error, retryable });
      result.outcomes.push({ status: 'failed', key, error });
      await recordFailure(deps, err, key, attemptedHash);
      if (retryable) result.retryable.push(err);
    }
  }
  return result;
}
