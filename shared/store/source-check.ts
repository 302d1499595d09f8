/**
 * The merge rule of `SourceRepository.recordCheck`, shared by both implementations: a field present with a
 * value sets it, a field present as `undefined` removes it (a 200 without ETag must drop the old ETag, a
 * success clears lastError), an absent field is left alone.
 */
import type { SourceRecord } from './ports';

export type SourceCheck = Partial<Omit<SourceRecord, 'id' | 'url' | 'createdAt'>>;

/** The record after merging `update` into `current`. */
export function applySourceCheck(current: SourceRecord, update: SourceCheck): SourceRecord {
  const next: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(update)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next as unknown as SourceRecord;
}
