/**
 * Lambda adapter for the EventBridge schedule: check the event, refresh every enabled source, publish the
 * run's metrics. A failing source is in the summary, not an exception: the schedule must not retry them all.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { loadConfig, metricsNamespace } from '../shared/config';
import { createLogger, METRICS_NAMESPACE, SERVICE_NAME } from '../shared/observability';
import { type RefreshSummary, refreshAll } from '../shared/pipeline/refresh';
import { parseScheduledEvent } from '../shared/pipeline/scheduled-event';
import type { SourceDeps } from '../shared/pipeline/source-deps';
import { sourceDepsFromConfig } from '../shared/wiring/sources';

const logger = createLogger();
// Powertools Metrics directly: the refresh's metric names (SourcesChecked…) are its own, emitted as EMF.
const metrics = new Metrics({
  namespace: metricsNamespace(METRICS_NAMESPACE),
  serviceName: SERVICE_NAME,
});
let wiring: { deps: SourceDeps; concurrency: number } | undefined;

export async function handler(event: unknown): Promise<RefreshSummary> {
  const scheduled = parseScheduledEvent(event);
  logger.info('refresh started', { scheduledEventId: scheduled.id, scheduledTime: scheduled.time });
  // Wired on first use so a configuration error surfaces in the invocation that hits it.
  if (!wiring) {
    const config = loadConfig();
    wiring = {
      deps: sourceDepsFromConfig(config, { logger, metrics }),
      concurrency: config.refreshConcurrency,
    };
  }
  try {
    return await refreshAll(wiring.deps, { concurrency: wiring.concurrency });
  } finally {
    metrics.publishStoredMetrics();
  }
}
