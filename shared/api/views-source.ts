/** The Source body, fields picked explicitly (see views.ts). */
import type { SourceRecord } from '../store/ports';

export function sourceView(record: SourceRecord) {
  const optional = <K extends keyof SourceRecord>(key: K) =>
    record[key] === undefined || record[key] === null ? {} : { [key]: record[key] };
  return {
    id: record.id,
    url: record.url,
    enabled: record.enabled,
    ...optional('etag'),
    ...optional('lastModified'),
    ...optional('contentHash'),
    ...optional('lastCheckedAt'),
    ...optional('lastStatus'),
    ...optional('lastError'),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
