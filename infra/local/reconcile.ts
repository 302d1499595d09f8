/**
 * Start-up reconciliation: an upload survives a crash between PutObject and ingest because each sheet's
 * newest `sources/` object is ingested again when its sheet has not published (and has not rejected) its
 * bytes, or published them and died before their event reached the bus. Only the newest:
 * `sources/{id}.txt` and `sources/{id}.html` are one slot (nothing deletes the older key), and ingest
 * would ignore the older one as superseded anyway — the same rule, applied here so a restart plans
 * nothing for it (shared/pipeline/ingest.ts has the tie rule).
 */
import { createHash } from 'node:crypto';
import { compareWrittenAt } from '../../shared/pipeline/source-key';
import { SOURCE_SUFFIXES, SOURCES_PREFIX } from '../../shared/topology';

export interface SourceObject {
  key: string;
  size: number;
  eTag: string;
  lastModified: Date;
  bytes: Uint8Array;
}

/** A listed object: its bytes already read, or read on demand (only a sheet's newest object is read). */
export type ListedSourceObject = Omit<SourceObject, 'bytes'> &
  ({ bytes: Uint8Array } | { read(): Promise<Uint8Array> });

/** What the table says about a sheet: its published hash and its last rejection (when, and which bytes). */
export interface PublishedState {
  sourceHash: string | null;
  lastErrorAt?: string;
  /** SHA-256 of the bytes the last rejection refused, when it names them (ingest-failed, corrupt-object). */
  rejectedHash?: string;
  rejectedReason?: string;
  /** META names its latest revision unannounced: its event never reached the bus (the writer died). */
  unannounced?: boolean;
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
 * True when ingest has not seen these bytes: the sheet's published hash differs, the last rejection does
 * not name these bytes, and none was recorded at or after the object was written (a rejected upload is
 * not retried on every start).
 */
export function needsIngest(object: SourceObject, state: PublishedState | null): boolean {
  const hash = sha256Hex(object.bytes);
  // Published, but its event was lost with the process: ingest finds the bytes unchanged and announces it.
  if (state?.sourceHash && state.sourceHash === hash) return state.unannounced === true;
  // Bytes ingest already failed on (its whole retry budget, or a crash-free rejection): never again.
  if (state?.rejectedHash && state.rejectedHash === hash) return false;
  if (state?.lastErrorAt && Date.parse(state.lastErrorAt) >= object.lastModified.getTime()) return false;
  return true;
}

async function withBytes(object: ListedSourceObject): Promise<SourceObject> {
  if ('bytes' in object) return object;
  const { read, ...listed } = object;
  return { ...listed, bytes: await read() };
}

/**
 * The one object per sheet that may be its current source: the newest (whole seconds, S3's precision).
 * On a tie the object whose bytes are published stays (as ingest decides); with neither published, the
 * first in key order — ingest would then find the other one superseded.
 */
async function newestOf(
  group: ListedSourceObject[],
  state: PublishedState | null,
): Promise<SourceObject | undefined> {
  const newest = group.reduce((a, b) => (compareWrittenAt(b.lastModified, a.lastModified) > 0 ? b : a));
  const tied = group
    .filter((o) => compareWrittenAt(o.lastModified, newest.lastModified) === 0)
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const read = await Promise.all(tied.map(withBytes));
  return read.find((o) => state?.sourceHash && sha256Hex(o.bytes) === state.sourceHash) ?? read[0];
}

/** The objects to ingest (at most one per sheet), in key order. */
export async function planReconcile(
  objects: AsyncIterable<ListedSourceObject> | Iterable<ListedSourceObject>,
  readState: (sheetId: string) => Promise<PublishedState | null>,
): Promise<SourceObject[]> {
  // Listing entries only (bytes are read for the chosen object), so holding them all is cheap.
  const bySheet = new Map<string, ListedSourceObject[]>();
  for await (const object of objects) {
    const id = sheetIdFromKey(object.key);
    if (id === null) continue;
    bySheet.set(id, [...(bySheet.get(id) ?? []), object]);
  }
  const todo: SourceObject[] = [];
  for (const [id, group] of bySheet) {
    const state = await readState(id);
    const candidate = await newestOf(group, state);
    if (candidate && needsIngest(candidate, state)) todo.push(candidate);
  }
  return todo.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
