/** Logger and metrics that keep what they are given in memory, for tests that assert on it. */
import type { LogFields, MetricName, PipelineLogger, PipelineMetrics } from '../../../shared/observability';

/** Keeps log lines in memory, for tests that assert on what was logged. */
export class RecordingLogger implements PipelineLogger {
  readonly lines: { level: string; message: string; fields: LogFields }[] = [];
  debug(message: string, fields: LogFields = {}) {
    this.lines.push({ level: 'debug', message, fields });
  }
  info(message: string, fields: LogFields = {}) {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(message: string, fields: LogFields = {}) {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(message: string, fields: LogFields = {}) {
    this.lines.push({ level: 'error', message, fields });
  }
}

/** Sums metrics in memory. */
export class RecordingMetrics implements PipelineMetrics {
  readonly counts: Partial<Record<MetricName, number>> = {};
  readonly timings: Partial<Record<MetricName, number[]>> = {};
  count(name: MetricName, value = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + value;
  }
  milliseconds(name: MetricName, value: number): void {
    const list = this.timings[name] ?? [];
    list.push(value);
    this.timings[name] = list;
  }
  flush(): void {}
}
