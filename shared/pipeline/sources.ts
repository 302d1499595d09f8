/**
 * Source registry use cases, called by the API routes `/sources[/{id}]` and `/sources/{id}/refresh`.
 */
import { FetchError, NotFoundError, ValidationError } from '../errors';
import { checkUrl } from '../fetch/url-policy';
import type { Page, PageRequest, SourceRecord } from '../store/ports';
import { refreshSource, type SourceRefreshResult } from './refresh-source';
import type { SourceDeps } from './source-deps';
import { isValidSheetId } from './source-key';

const MAX_URL_LENGTH = 2048;

function checkId(id: string): string {
  if (!isValidSheetId(id)) {
    throw new ValidationError('id must be 1–64 lowercase letters, digits or "-"', 'id');
  }
  return id;
}

function checkSourceUrl(url: unknown, allowedHosts: readonly string[]): string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) {
    throw new ValidationError(`url must be a string of 1–${MAX_URL_LENGTH} characters`, 'url');
  }
  try {
    return checkUrl(url, allowedHosts).href;
  } catch (err) {
    if (err instanceof FetchError)
      throw new ValidationError(`url refused: ${err.message}`, 'url', { reason: err.reason });
    throw err;
  }
}

/** One page of registered sources, ordered by id. */
export function listSources(
  deps: Pick<SourceDeps, 'sources'>,
  page: PageRequest,
): Promise<Page<SourceRecord>> {
  return deps.sources.list(page);
}

/** The source, or NotFoundError. */
export async function getSource(deps: Pick<SourceDeps, 'sources'>, id: string): Promise<SourceRecord> {
  const found = await deps.sources.get(checkId(id));
  if (!found) throw new NotFoundError(`source "${id}" is not registered`);
  return found;
}

/**
 * Registers `id` → `url` (http/https on the allowlist), or changes the URL of an existing source. A new URL
 * forgets the old validators (they belong to the old resource) but keeps the content hash, so identical
 * bytes at the new address write nothing. `enabled: false` keeps the registration but takes it out of the
 * scheduled refresh (omitted: a new source is enabled, an existing one keeps its setting). Throws
 * ValidationError naming `id` or `url`.
 */
export async function registerSource(
  deps: Pick<SourceDeps, 'sources' | 'policy' | 'now'>,
  id: string,
  url: unknown,
  options: { enabled?: boolean } = {},
): Promise<{ source: SourceRecord; created: boolean }> {
  checkId(id);
  const href = checkSourceUrl(url, deps.policy.allowedHosts);
  const now = (deps.now?.() ?? new Date()).toISOString();
  const existing = await deps.sources.get(id);
  const enabled = options.enabled ?? existing?.enabled ?? true;
  if (existing?.url === href && existing.enabled === enabled) return { source: existing, created: false };
  if (existing?.url === href) {
    const source: SourceRecord = { ...existing, enabled, updatedAt: now };
    await deps.sources.put(source);
    return { source, created: false };
  }
  const source: SourceRecord = existing
    ? { ...existing, url: href, enabled, lastStatus: 'pending', updatedAt: now }
    : { id, url: href, enabled, lastStatus: 'pending', createdAt: now, updatedAt: now };
  // Validators belong to the old resource; an If-None-Match for it could wrongly turn the new URL into a 304.
  delete source.etag;
  delete source.lastModified;
  await deps.sources.put(source);
  return { source, created: existing === null };
}

/** Removes the registration (S3 objects and published revisions stay). NotFoundError when absent. */
export async function removeSource(deps: Pick<SourceDeps, 'sources'>, id: string): Promise<void> {
  if (!(await deps.sources.delete(checkId(id)))) throw new NotFoundError(`source "${id}" is not registered`);
}

/**
 * Refreshes one source now (even a disabled one: an explicit request). The outcome, failures included, is
 * in `result`; `source` is the record after the check.
 */
export async function refreshOne(
  deps: SourceDeps,
  id: string,
): Promise<{ result: SourceRefreshResult; source: SourceRecord }> {
  const source = await getSource(deps, id);
  const result = await refreshSource(deps, source);
  return { result, source: (await deps.sources.get(id)) ?? source };
}
