/**
 * Lambda adapter for the EventBridge schedule: check the event, refresh every enabled source, publish the
 * run's metrics. A failing source is in the summary, not an exception: the schedule must not retry them all.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { documentClient, s3Client } from '../shared/aws/clients';
import { S3BlobStore } from '../shared/blobs/s3-blob-store';
import { loadConfig } from '../shared/config';
import { fetchPolicyFromConfig } from '../shared/fetch/policy';
import { createLogger, METRICS_NAMESPACE, SERVICE_NAME } from '../shared/observability';
import { type RefreshSummary, refreshAll } from '../shared/pipeline/refresh';
import type { SourceDeps } from '../shared/pipeline/refresh-deps';
import { parseScheduledEvent } from '../shared/pipeline/scheduled-event';
import { DynamoSourceRepository } from '../shared/store/dynamo-sources';

const logger = createLogger();
// Powertools Metrics directly: the refresh's metric names are its own (SourcesChecked…), emitted as EMF.
const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
  serviceName: SERVICE_NAME,
});
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
  logger.info('refresh started', { scheduledEventId: scheduled.id, scheduledTime: scheduled.time });
  const { deps, concurrency } = wire();
  try {
    return await refreshAll(deps, { concurrency });
  } finally {
    metrics.publishStoredMetrics();
  }
}
