/**
 * Lambda adapter for S3 ObjectCreated notifications on `sources/`: decode the records, ingest each one,
 * publish metrics. Throws only when some record failed retryably, so Lambda retries the event and the DLQ
 * keeps what still fails; bad input is an error record on the sheet, never an exception here.
 */
import type { S3Event } from 'aws-lambda';
import { type AppConfig, loadConfig } from '../shared/config';
import type { PipelineDeps } from '../shared/pipeline/deps';
import { ingestS3Records, type RecordsResult } from '../shared/pipeline/s3-records';
import { pipelineDepsFromConfig } from '../shared/pipeline/wiring';

/** What S3 sends once when a notification is configured: no Records. */
interface S3TestEvent {
  Event: 's3:TestEvent';
}

// Built on first use, so configuration errors surface in the invocation that hits them.
let wiring: { config: AppConfig; deps: PipelineDeps } | undefined;

export async function handler(event: S3Event | S3TestEvent): Promise<RecordsResult> {
  if (!wiring) {
    const config = loadConfig();
    wiring = { config, deps: pipelineDepsFromConfig(config) };
  }
  const { config, deps } = wiring;
  if (!('Records' in event) || !Array.isArray(event.Records)) {
    deps.logger.info('non-record S3 event ignored', { event: (event as S3TestEvent).Event });
    return { outcomes: [], retryable: [] };
  }
  try {
    const result = await ingestS3Records(deps, event.Records, config.bucketName);
    if (result.retryable.length > 0) {
      throw new AggregateError(result.retryable, `${result.retryable.length} record(s) failed retryably`);
    }
    return result;
  } finally {
    deps.metrics.flush();
  }
}
