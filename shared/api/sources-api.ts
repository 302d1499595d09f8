/**
 * What the /sources routes need from the source registry (the refresh issue's use cases). Kept as a port so
 * the API does not depend on how registration and refresh are implemented.
 */
import type { Page, PageRequest, SourceRecord } from '../store/ports';

export interface SourcesApi {
  list(page: PageRequest): Promise<Page<SourceRecord>>;
  /** Throws NotFoundError when unknown. */
  get(id: string): Promise<SourceRecord>;
  /** Registers or changes a URL (throws FetchError/ValidationError for a URL the policy refuses). */
  register(
    id: string,
    url: string,
    options?: { enabled?: boolean },
  ): Promise<{ source: SourceRecord; created: boolean }>;
  /** Throws NotFoundError when unknown. */
  remove(id: string): Promise<void>;
  /** Checks one source now; returns the updated record. */
  refresh(id: string): Promise<SourceRecord>;
}
