/**
 * Lambda adapter for the EventBridge schedule: check the event, refresh every enabled source, publish the
 * run's metrics. A failing source is in the summary, not an exception: the schedule must not retry them all.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { documentClient, s3Client } from '../shared/aws/clients';
import { S3BlobStore } from '../shared/blobs/s3-blob-store';
import { loadConfig } from '../shared/config';
import { fetchPolicyFromConfig } from '../shared/fetch/policy';
import { type RefreshSummary, refreshAll } from '../shared/pipeline/refresh';
import type { SourceDeps } from '../shared/pipeline/refresh-deps';
import { parseScheduledEvent } from '../shared/pipeline/scheduled-event';
import { DynamoSourceRepository } from '../shared/store/dynamo-sources';

const logger = new Logger({ serviceName: 'refresh' });
const metrics = new Metrics({ serviceName: 'refresh' });
let wiring: { deps: SourceDeps; concurrency: number } | undefined;

// Built on first use so configuration errors surface in the invocation that hits them.
function wire() {
  if (wiring) return wiring;
  const config = loadConfig();
  const deps: SourceDeps = {
    sources: new DynamoSourceRepository(documentClient(), config.tableName),
    blobs: new S3BlobStore(s3Client(), config.bucketName),
    policy: fetchPolicyFromConfig(config),
    logger,
    metrics,
  };
  wiring = { deps, concurrency: config.refreshConcurrency };
  return wiring;
}

export async function handler(event: unknown): Promise<RefreshSummary> {
  const scheduled = parseScheduledEvent(event);
  logger.appendKeys({ scheduledEventId: scheduled.id, scheduledTime: scheduled.time });
  const { deps, concurrency } = wire();
  try {
    return await refreshAll(deps, { concurrency });
  } finally {
    metrics.publishStoredMetrics();
  }
}
