/**
 * Logging and metrics for the pipeline. Use cases depend on the narrow `PipelineLogger` / `PipelineMetrics`
 * interfaces; handlers pass the Powertools-backed ones (JSON logs, CloudWatch EMF metrics), tests pass
 * `silentLogger` and `RecordingMetrics` to assert what was emitted.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const SERVICE_NAME = 'factsheet-pipeline';
export const METRICS_NAMESPACE = 'FactSheets';

export type MetricName =
  | 'SheetsIngested'
  | 'RevisionsPublished'
  | 'IngestRejected'
  | 'ParseMs'
  /** Sheets a reprocess-stale run re-parsed with a newer parser (published as a new revision). */
  | 'SheetsReprocessed';

/** Structured fields every pipeline log line may carry. */
export interface LogFields {
  key?: string;
  sheetId?: string;
  [field: string]: unknown;
}

export interface PipelineLogger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface PipelineMetrics {
  count(name: MetricName, value?: number): void;
  milliseconds(name: MetricName, value: number): void;
  /** Emits what was recorded (EMF line in Lambda); call once per invocation. */
  flush(): void;
}

/** A Powertools JSON logger; level from POWERTOOLS_LOG_LEVEL (tests set SILENT). */
export function createLogger(serviceName = SERVICE_NAME): PipelineLogger {
  const logger = new Logger({ serviceName });
  return {
    debug: (message, fields) => logger.debug(message, { ...fields }),
    info: (message, fields) => logger.info(message, { ...fields }),
    warn: (message, fields) => logger.warn(message, { ...fields }),
    error: (message, fields) => logger.error(message, { ...fields }),
  };
}

/** Powertools metrics (EMF); POWERTOOLS_METRICS_DISABLED=true turns emission off. */
export function createMetrics(serviceName = SERVICE_NAME): PipelineMetrics {
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
  let recorded = false;
  return {
    count(name, value = 1) {
      recorded = true;
      metrics.addMetric(name, MetricUnit.Count, value);
    },
    milliseconds(name, value) {
      recorded = true;
      metrics.addMetric(name, MetricUnit.Milliseconds, value);
    },
    flush() {
      // Publishing with nothing recorded only produces a warning line.
      if (recorded) metrics.publishStoredMetrics();
      recorded = false;
    },
  };
}

/** Logs nothing. */
export const silentLogger: PipelineLogger = { debug() {}, info() {}, warn() {}, error() {} };
