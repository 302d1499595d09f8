/**
 * What the ingest function receives, dispatched: S3 ObjectCreated notifications (ingest each record),
 * S3's one-off test event (ignored), a direct reprocess or preview invocation from the api, or the
 * schedule's `{ type: 'reprocess-stale' }`.
 */
import type { PipelineDeps } from './deps';
import {
  isPreviewInvocation,
  type PreviewInvocationResult,
  runPreviewInvocation,
} from './preview-invocation';
import {
  isDirectInvocation,
  type ReprocessInvocationResult,
  runReprocessInvocation,
} from './reprocess-invocation';
import {
  isReprocessStaleInvocation,
  type ReprocessStaleResult,
  runReprocessStaleInvocation,
} from './reprocess-stale-invocation';
import { ingestS3Records, type RecordsResult, type S3RecordLike } from './s3-records';

/** The S3 notification shape ingest reads: `Records` (absent in S3's `s3:TestEvent`). */
export interface S3EventLike {
  Records?: readonly S3RecordLike[];
  Event?: string;
}

/**
 * Runs one ingest invocation. For S3 events it throws once when some record failed retryably (after
 * handling the others), so Lambda retries the event and the DLQ keeps what still fails; bad input is an
 * error record on the sheet, never an exception. Reprocess and preview invocations return their result;
 * a reprocess-stale run returns its summary.
 */
export async function handleIngestEvent(
  deps: PipelineDeps,
  bucket: string,
  event: unknown,
): Promise<RecordsResult | ReprocessInvocationResult | ReprocessStaleResult | PreviewInvocationResult> {
  if (isDirectInvocation(event)) {
    if (isPreviewInvocation(event)) return runPreviewInvocation(deps, event);
    return isReprocessStaleInvocation(event)
      ? runReprocessStaleInvocation(deps, event)
      : runReprocessInvocation(deps, event);
  }
  const records = (event as S3EventLike | null)?.Records;
  if (!Array.isArray(records)) {
    deps.logger.info('non-record S3 event ignored', { event: (event as S3EventLike | null)?.Event });
    return { outcomes: [], retryable: [] };
  }
  const result = await ingestS3Records(deps, records, bucket);
  if (result.retryable.length > 0) {
    throw new AggregateError(result.retryable, `${result.retryable.length} record(s) failed retryably`);
  }
  return result;
}
