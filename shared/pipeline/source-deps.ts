/** What the source use cases (registry and refresh) need; handlers and the API build one of these. */
import type { BlobStore } from '../blobs/ports';
import type { EventPublisher } from '../events/publisher';
import type { SourceFetcher } from '../fetch/fetch-source';
import type { FetchPolicy } from '../fetch/policy';
import type { SourceRepository } from '../store/ports';

/** The slice of a structured logger the refresh uses (Powertools `Logger` satisfies it). */
export interface RefreshLogger {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}

/** The slice of a metrics sink the refresh uses (Powertools `Metrics` satisfies it). */
export interface RefreshMetrics {
  addMetric(name: string, unit: 'Count', value: number): void;
}

export interface SourceDeps {
  sources: SourceRepository;
  blobs: BlobStore;
  policy: FetchPolicy;
  /** Defaults to the real `fetchSource`; domain tests pass a fake origin. */
  fetch?: SourceFetcher;
  now?: () => Date;
  logger?: RefreshLogger;
  metrics?: RefreshMetrics;
  /** Where `source.refresh.failed` goes; none: no events. */
  events?: EventPublisher;
}
