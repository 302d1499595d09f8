/**
 * Start-up reconciliation: an upload survives a crash between PutObject and ingest because every
 * `sources/` object whose bytes its sheet has not published (and has not rejected) is ingested again.
 */
import { createHash } from 'node:crypto';
import { SOURCE_SUFFIXES, SOURCES_PREFIX } from '../../shared/topology';

export interface SourceObject {
  key: string;
  size: number;
  eTag: string;
  lastModified: Date;
  bytes: Uint8Array;
}

/** What the table says about a sheet: its published hash and when it last rejected an upload. */
export interface PublishedState {
  sourceHash: string | null;
  lastErrorAt?: string;
}

/** `sources/{id}.{ext}` → id; null for keys the trigger would not deliver. */
export function sheetIdFromKey(key: string): string | null {
  if (!key.startsWith(SOURCES_PREFIX)) return null;
  const suffix = SOURCE_SUFFIXES.find((s) => key.endsWith(s));
  if (!suffix) return null;
  const id = key.slice(SOURCES_PREFIX.length, key.length - suffix.length);
  return id.length > 0 ? id : null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * True when ingest has not seen these bytes: the sheet's published hash differs and no rejection was
 * recorded at or after the object was written (a rejected upload is not retried on every start).
 */
export function needsIngest(object: SourceObject, state: PublishedState | null): boolean {
  if (state?.sourceHash && state.sourceHash === sha256Hex(object.bytes)) return false;
  if (state?.lastErrorAt && Date.parse(state.lastErrorAt) >= object.lastModified.getTime()) return false;
  return true;
}

/** The objects to ingest, in key order. */
export async function planReconcile(
  objects: AsyncIterable<SourceObject> | Iterable<SourceObject>,
  readState: (sheetId: string) => Promise<PublishedState | null>,
): Promise<SourceObject[]> {
  const todo: SourceObject[] = [];
  for await (const object of objects) {
    const id = sheetIdFromKey(object.key);
    if (id === null) continue;
    if (needsIngest(object, await readState(id))) todo.push(object);
  }
  return todo;
}
