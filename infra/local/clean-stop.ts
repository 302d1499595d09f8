/**
 * Start-up independent of the number of sheets. Reconciliation (list every source object, read each
 * sheet's state and newest bytes) and start-up's reprocess-stale run (one META read per sheet) exist for
 * what a crash or a new parser left behind. A clean stop with nothing in flight leaves neither, so it
 * writes `DATA_DIR/clean-stop.json` (when, which parser, how many sheets the last reprocess-stale run left
 * stale); the next start takes (deletes) it and skips that work. Without the marker — the first start
 * after a crash, a kill -9, a stop with ingest still pending, or an older runtime — the full reconcile runs.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CleanStop {
  at: string;
  parserVersion: string;
  /** Sheets the last reprocess-stale run could not bring to `parserVersion` (failed or rejected). */
  staleLeft: number;
}

const FILE = 'clean-stop.json';

/** Reads and removes the marker: whatever happens next, a crash now means a full reconcile. */
export function takeCleanStop(dataDir: string): CleanStop | null {
  const path = join(dataDir, FILE);
  let marker: CleanStop | null = null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<CleanStop>;
    if (
      typeof parsed.at === 'string' &&
      typeof parsed.parserVersion === 'string' &&
      typeof parsed.staleLeft === 'number'
    ) {
      marker = { at: parsed.at, parserVersion: parsed.parserVersion, staleLeft: parsed.staleLeft };
    }
  } catch {
    // Missing or unreadable: not a clean stop, so the full reconcile runs.
  }
  rmSync(path, { force: true });
  return marker;
}

export function writeCleanStop(dataDir: string, marker: CleanStop): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(marker)}\n`, 'utf8');
}

/** True when start-up may skip its reprocess-stale run: same parser, and no sheet was left stale. */
export function reprocessStaleCurrent(marker: CleanStop | null, parserVersion: string): boolean {
  return marker !== null && marker.parserVersion === parserVersion && marker.staleLeft === 0;
}
