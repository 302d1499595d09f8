/**
 * Checks one registered source: conditional GET, then either record "unchanged" (304 or same sha256: no S3
 * write, so no revision) or write `sources/{id}.{html|txt}` (the S3 event ingests it) and record the new
 * validators and hash. Never throws: a failure becomes a result and a `failed` status on the source.
 */
import { createHash } from 'node:crypto';
import { FetchError, isAppError } from '../errors';
import { refreshFailed } from '../events/build';
import { fetchSource } from '../fetch/fetch-source';
import type { SourceRecord } from '../store/ports';
import type { SourceDeps } from './source-deps';
import { sourceKeyFor } from './source-key';

export type RefreshStatus = 'unchanged' | 'updated' | 'failed';

export interface SourceRefreshResult {
  id: string;
  status: RefreshStatus;
  /** Failed only: the FetchError reason (`timeout`, `private-address`…) or the error code. */
  reason?: string;
  /** Failed only: what went wrong, naming the URL. */
  error?: string;
  /** Updated only: the S3 key written. */
  key?: string;
  contentHash?: string;
}

function failureOf(err: unknown): { reason: string; error: string } {
  if (err instanceof FetchError) return { reason: err.reason, error: err.message };
  if (isAppError(err)) return { reason: err.code, error: err.message };
  return { reason: 'internal', error: err instanceof Error ? err.message : String(err) };
}

async function check(
  deps: SourceDeps,
  source: SourceRecord,
  checkedAt: string,
): Promise<SourceRefreshResult> {
  const fetch = deps.fetch ?? fetchSource;
  const outcome = await fetch(
    source.url,
    { etag: source.etag, lastModified: source.lastModified },
    deps.policy,
  );
  if (outcome.status === 'not-modified') {
    await deps.sources.recordCheck(source.id, {
      lastCheckedAt: checkedAt,
      lastStatus: 'unchanged',
      lastError: undefined,
    });
    return { id: source.id, status: 'unchanged' };
  }
  const contentHash = createHash('sha256').update(outcome.bytes).digest('hex');
  // Validators are replaced, not merged: a 200 without an ETag must not keep sending a stale one.
  const validators = { etag: outcome.etag, lastModified: outcome.lastModified };
  if (contentHash === source.contentHash) {
    await deps.sources.recordCheck(source.id, {
      ...validators,
      lastCheckedAt: checkedAt,
      lastStatus: 'unchanged',
      lastError: undefined,
    });
    return { id: source.id, status: 'unchanged', contentHash };
  }
  const key = sourceKeyFor(source.id, outcome.contentType);
  await deps.blobs.put(key, outcome.bytes, outcome.contentType);
  await deps.sources.recordCheck(source.id, {
    ...validators,
    contentHash,
    lastCheckedAt: checkedAt,
    lastStatus: 'updated',
    lastError: undefined,
  });
  return { id: source.id, status: 'updated', key, contentHash };
}

/** Refreshes one source and records the outcome on it; resolves with the result, never rejects. */
export async function refreshSource(deps: SourceDeps, source: SourceRecord): Promise<SourceRefreshResult> {
  const checkedAt = (deps.now?.() ?? new Date()).toISOString();
  try {
    return await check(deps, source, checkedAt);
  } catch (err) {
    const { reason, error } = failureOf(err);
    deps.logger?.warn('source refresh failed', { sourceId: source.id, url: source.url, reason, error });
    try {
      await deps.sources.recordCheck(source.id, {
        lastCheckedAt: checkedAt,
        lastStatus: 'failed',
        lastError: `${reason}: ${error}`,
      });
    } catch (recordErr) {
      // The failure is still reported in the run summary even when the registry cannot take it.
      deps.logger?.warn('could not record source failure', { sourceId: source.id, error: String(recordErr) });
    }
    try {
      await deps.events?.publish([
        refreshFailed({ sourceId: source.id, url: source.url, reason, message: error, checkedAt }),
      ]);
    } catch (emitErr) {
      deps.logger?.warn('could not emit source.refresh.failed', {
        sourceId: source.id,
        error: String(emitErr),
      });
    }
    return { id: source.id, status: 'failed', reason, error };
  }
}
