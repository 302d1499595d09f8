/**
 * Lambda adapter for the ingest function: S3 ObjectCreated notifications on `sources/`, direct
 * `{ type: 'reprocess', id, force? }` and `{ type: 'preview', … }` (parse and diff, writing nothing)
 * invocations from the api, and the schedule's `{ type: 'reprocess-stale' }`
 * (shared/pipeline/ingest-events.ts dispatches). Publishes metrics after every invocation.
 */
import type { S3Event } from 'aws-lambda';
import { type AppConfig, loadConfig } from '../shared/config';
import type { PipelineDeps } from '../shared/pipeline/deps';
import { handleIngestEvent } from '../shared/pipeline/ingest-events';
import type { PreviewInvocation, PreviewInvocationResult } from '../shared/pipeline/preview-invocation';
import type { ReprocessInvocation, ReprocessInvocationResult } from '../shared/pipeline/reprocess-invocation';
import type {
  ReprocessStaleInvocation,
  ReprocessStaleResult,
} from '../shared/pipeline/reprocess-stale-invocation';
import type { RecordsResult } from '../shared/pipeline/s3-records';
import { pipelineDepsFromConfig } from '../shared/wiring/pipeline';

/** What S3 sends once when a notification is configured: no Records. */
interface S3TestEvent {
  Event: 's3:TestEvent';
}

// Built on first use, so configuration errors surface in the invocation that hits them.
let wiring: { config: AppConfig; deps: PipelineDeps } | undefined;

export function handler(event: S3Event | S3TestEvent): Promise<RecordsResult>;
export function handler(event: ReprocessInvocation): Promise<ReprocessInvocationResult>;
export function handler(event: ReprocessStaleInvocation): Promise<ReprocessStaleResult>;
export function handler(event: PreviewInvocation): Promise<PreviewInvocationResult>;
export async function handler(
  event: S3Event | S3TestEvent | ReprocessInvocation | ReprocessStaleInvocation | PreviewInvocation,
): Promise<RecordsResult | ReprocessInvocationResult | ReprocessStaleResult | PreviewInvocationResult> {
  if (!wiring) {
    const config = loadConfig();
    wiring = { config, deps: pipelineDepsFromConfig(config) };
  }
  const { config, deps } = wiring;
  try {
    return await handleIngestEvent(deps, config.bucketName, event);
  } finally {
    deps.metrics.flush();
  }
}
