/**
 * What start-up reconciliation achieved, read back from the table once ingest is idle: an upload counts as
 * recovered only when its bytes are now the sheet's published source. The rest were rejected (bad input,
 * a failure ingest recorded, damaged bytes) or failed transiently (dead-lettered; the next start retries).
 */
import { type PublishedState, type SourceObject, sha256Hex, sheetIdFromKey } from './reconcile';

export interface UnrecoveredUpload {
  key: string;
  /** The rejection's reason when one names these bytes, else `failed` (see dead-letter.jsonl). */
  reason: string;
}

export async function reconcileOutcome(
  planned: readonly SourceObject[],
  readState: (sheetId: string) => Promise<PublishedState | null>,
): Promise<{ published: string[]; unrecovered: UnrecoveredUpload[] }> {
  const published: string[] = [];
  const unrecovered: UnrecoveredUpload[] = [];
  for (const object of planned) {
    const id = sheetIdFromKey(object.key);
    const state = id === null ? null : await readState(id);
    const hash = sha256Hex(object.bytes);
    if (state?.sourceHash === hash) published.push(object.key);
    else {
      const named =
        state?.rejectedHash === hash || Date.parse(state?.lastErrorAt ?? '') >= object.lastModified.getTime();
      unrecovered.push({ key: object.key, reason: named ? (state?.rejectedReason ?? 'rejected') : 'failed' });
    }
  }
  return { published, unrecovered };
}

/** One line for the start-up output, or null when nothing was left unrecovered. */
export function unrecoveredLine(unrecovered: readonly UnrecoveredUpload[]): string | null {
  if (unrecovered.length === 0) return null;
  const list = unrecovered.map((u) => `${u.key} (${u.reason})`).join(', ');
  return `Unpublished uploads not recovered: ${list}; GET /sheets/{id} shows each lastError (failed: DATA_DIR/dead-letter.jsonl, retried on the next start)`;
}
