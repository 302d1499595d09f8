/**
 * S3 key conventions for sources and archives (docs/architecture.md "Storage and the publish protocol"):
 * uploads live at `sources/{id}.{txt|html}`, accepted bytes are archived immutably at
 * `archive/{id}/{sha256}.{ext}`.
 */

import type { ContentType } from '../model';
import { ARCHIVE_PREFIX, SOURCES_PREFIX } from '../topology';

/** A sheet id, as keys, routes and the CLI accept it (the one definition). */
export const SHEET_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

const EXTENSION: Record<ContentType, string> = { 'text/plain': 'txt', 'text/html': 'html' };
const CONTENT_TYPE: Record<string, ContentType> = { txt: 'text/plain', html: 'text/html' };

/** A sheet id: lowercase letters, digits and `-`, 1–64 characters. */
export function isValidSheetId(id: string): boolean {
  return SHEET_ID_PATTERN.test(id);
}

/** What a key under `sources/` says about the sheet, or why it cannot be one. */
export type SourceKeyInfo =
  | { ok: true; id: string; contentType: ContentType }
  | { ok: false; reason: 'bad-id' | 'unsupported-type'; sanitizedId: string };

/**
 * Parses a decoded S3 key. Returns null for keys outside `sources/` (not ours to handle); a key inside
 * `sources/` that is not `{valid id}.{txt|html}` is described as a rejection with a sanitized id, so the
 * error can still be recorded somewhere the API shows.
 */
export function parseSourceKey(key: string): SourceKeyInfo | null {
  if (!key.startsWith(SOURCES_PREFIX)) return null;
  const name = key.slice(SOURCES_PREFIX.length);
  const dot = name.lastIndexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  const ext = dot === -1 ? '' : name.slice(dot + 1);
  const contentType = Object.hasOwn(CONTENT_TYPE, ext) ? CONTENT_TYPE[ext] : undefined;
  if (!isValidSheetId(stem)) return { ok: false, reason: 'bad-id', sanitizedId: sanitizeSheetId(stem) };
  if (!contentType) return { ok: false, reason: 'unsupported-type', sanitizedId: stem };
  return { ok: true, id: stem, contentType };
}

/**
 * Maps any string onto a valid sheet id (lowercase, accents stripped, other characters → `-`), so a
 * rejected upload under a bad key still gets an error record. Never empty.
 */
export function sanitizeSheetId(raw: string): string {
  const ascii = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return ascii === '' ? 'invalid-key' : ascii;
}

export function sourceKeyFor(id: string, contentType: ContentType): string {
  return `${SOURCES_PREFIX}${id}.${EXTENSION[contentType]}`;
}

/**
 * The sheet's other source keys (the other extensions). A sheet has ONE source slot that uploads and
 * refreshes write under the extension of their content type; nothing deletes the other key (no function
 * may delete), so ingest and reconcile compare against it instead.
 */
export function siblingSourceKeys(id: string, contentType: ContentType): string[] {
  return (Object.keys(EXTENSION) as ContentType[])
    .filter((other) => other !== contentType)
    .map((other) => sourceKeyFor(id, other));
}

/**
 * Orders two S3 LastModified times at S3's own precision, whole seconds (an in-memory store's
 * milliseconds are dropped so it behaves the same): negative when `a` is older, 0 on a tie, positive
 * when `a` is newer.
 */
export function compareWrittenAt(a: Date, b: Date): number {
  return Math.floor(a.getTime() / 1000) - Math.floor(b.getTime() / 1000);
}

export function archiveKeyFor(id: string, sha256: string, contentType: ContentType): string {
  return `${ARCHIVE_PREFIX}${id}/${sha256}.${EXTENSION[contentType]}`;
}

/** The content type implied by an archive or source key's extension. */
export function contentTypeOfKey(key: string): ContentType | null {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return Object.hasOwn(CONTENT_TYPE, ext) ? (CONTENT_TYPE[ext] ?? null) : null;
}
