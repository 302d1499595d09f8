/**
 * Lambda adapter for S3 ObjectCreated notifications on `sources/`: decode the records, ingest each one,
 * publish metrics. Throws only when some record failed retryably, so Lambda retries the event and the DLQ
 * keeps what still fails; bad input is an error record on the sheet, never an exception here.
 */
import type { S3Event } from 'aws-lambda';
import { documentClient, s3Client } from '../shared/aws/clients';
import { S3BlobStore } from '../shared/blobs/s3-blob-store';
import { loadConfig } from '../shared/config';
import { PARSER_VERSION, parseSheet } from '../shared/index';
import { createLogger, createMetrics, type PipelineMetrics } from '../shared/observability';
import type { PipelineDeps } from '../shared/pipeline/deps';
import { ingestS3Records, type RecordsResult } from '../shared/pipeline/s3-records';
import { DynamoSheetRepository } from '../shared/store/dynamo-sheets';

/** What S3 sends once when a notification is configured: no Records. */
interface S3TestEvent {
  Service?: string;
  Event: 's3:TestEvent';
}

let wiring: { deps: PipelineDeps; bucket: string; metrics: PipelineMetrics } | undefined;

// Built on first use so configuration errors surface in the invocation that hits them (and Powertools
// reads its environment then, not at import).
function wire() {
  if (wiring) return wiring;
  const config = loadConfig();
  const logger = createLogger();
  const metrics = createMetrics();
  const deps: PipelineDeps = {
    sheets: new DynamoSheetRepository(documentClient(), config.tableName),
    blobs: new S3BlobStore(s3Client(), config.bucketName),
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger,
    metrics,
    maxSourceBytes: config.maxSourceBytes,
  };
  wiring = { deps, bucket: config.bucketName, metrics };
  return wiring;
}

export async function handler(event: S3Event | S3TestEvent): Promise<RecordsResult> {
  const { deps, bucket, metrics } = wire();
  if (!('Records' in event) || !Array.isArray(event.Records)) {
    deps.logger.info('non-record S3 event ignored', { event: (event as S3TestEvent).Event });
    return { outcomes: [], retryable: [] };
  }
  try {
    const result = await ingestS3Records(deps, event.Records, bucket);
    if (result.retryable.length > 0) {
      throw new AggregateError(result.retryable, `${result.retryable.length} record(s) failed retryably`);
    }
    return result;
  } finally {
    metrics.flush();
  }
}
