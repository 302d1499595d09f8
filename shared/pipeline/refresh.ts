/**
 * The scheduled refresh: every enabled source, with bounded concurrency, each one independent of the
 * others. Returns, logs and emits as metrics a summary of what was checked.
 */

import { refreshSource, type SourceRefreshResult } from './refresh-source';
import type { SourceDeps } from './source-deps';

export const DEFAULT_REFRESH_CONCURRENCY = 4;

export interface RefreshSummary {
  checked: number;
  unchanged: number;
  updated: number;
  failed: number;
  /** One per source, in registry (id) order. */
  results: SourceRefreshResult[];
}

export interface RefreshOptions {
  /** Sources fetched at the same time (default 4). */
  concurrency?: number;
}

/** Runs `work` over `items` with at most `limit` in progress; results keep the input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Tallies results into a summary. */
export function summarize(results: SourceRefreshResult[]): RefreshSummary {
  const count = (status: SourceRefreshResult['status']) => results.filter((r) => r.status === status).length;
  return {
    checked: results.length,
    unchanged: count('unchanged'),
    updated: count('updated'),
    failed: count('failed'),
    results,
  };
}

/** Refreshes every enabled source. One failing source never stops the others. */
export async function refreshAll(deps: SourceDeps, options: RefreshOptions = {}): Promise<RefreshSummary> {
  const concurrency = options.concurrency ?? DEFAULT_REFRESH_CONCURRENCY;
  const sources = await deps.sources.listEnabled();
  const summary = summarize(await mapBounded(sources, concurrency, (source) => refreshSource(deps, source)));
  deps.logger?.info('refresh summary', {
    checked: summary.checked,
    unchanged: summary.unchanged,
    updated: summary.updated,
    failed: summary.failed,
    failures: summary.results.filter((r) => r.status === 'failed').map(({ id, reason }) => ({ id, reason })),
  });
  deps.metrics?.addMetric('SourcesChecked', 'Count', summary.checked);
  deps.metrics?.addMetric('SourcesUnchanged', 'Count', summary.unchanged);
  deps.metrics?.addMetric('SourcesUpdated', 'Count', summary.updated);
  deps.metrics?.addMetric('SourcesFailed', 'Count', summary.failed);
  return summary;
}
