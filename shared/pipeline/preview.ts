/**
 * What an upload would publish, without publishing it: the same parse, limits and figure keys as ingest,
 * diffed against the sheet's latest revision as ingest would diff it. It only reads (META and the latest
 * revision), so its ports are narrowed to those reads: nothing here can write, record or emit.
 */
import { InvalidSourceError, type SourceRejection } from '../errors';
import type { ContentType, ParsedSheet } from '../model';
import type { DiffSummary, SheetRepository } from '../store/ports';
import type { PipelineDeps } from './deps';
import { diffSheets } from './diff';
import { assignFigureKeys, keyedSheet } from './figure-keys';
import { sha256Hex, timedParse } from './ingest';

export type PreviewDeps = Pick<
  PipelineDeps,
  'parse' | 'parserVersion' | 'maxSourceBytes' | 'maxFigures' | 'metrics'
> & { sheets: Pick<SheetRepository, 'getMeta' | 'getRevision'> };

export interface PreviewRequest {
  id: string;
  contentType: ContentType;
  bytes: Uint8Array;
}

/** The 200 body of `POST /sheets/{id}/preview`. */
export interface SheetPreview {
  id: string;
  /** SHA-256 hex of the bytes: the id the upload resource would give them. */
  uploadId: string;
  parserVersion: string;
  latestRevision: number | null;
  /** The bytes are the latest revision's source (an upload is `unchanged` unless the parser changed). */
  unchanged: boolean;
  /** The sheet as the next revision would publish it, figure keys included. */
  sheet: ParsedSheet;
  /** Latest → this preview (as revision latest + 1); null for a sheet with no revision yet. */
  diff: DiffSummary | null;
}

export type PreviewOutcome =
  | { status: 'previewed'; preview: SheetPreview }
  | { status: 'rejected'; reason: SourceRejection; message: string };

export async function previewSource(deps: PreviewDeps, request: PreviewRequest): Promise<PreviewOutcome> {
  const { id, contentType, bytes } = request;
  if (bytes.byteLength > deps.maxSourceBytes) {
    const message = `Source is ${bytes.byteLength} bytes; the limit is ${deps.maxSourceBytes}`;
    return { status: 'rejected', reason: 'too-large', message };
  }
  const hash = sha256Hex(bytes);
  const parsed = timedParse(deps, bytes, id, contentType);
  if (parsed instanceof InvalidSourceError) {
    return { status: 'rejected', reason: parsed.reason, message: parsed.message };
  }
  const meta = await deps.sheets.getMeta(id);
  // A sheet whose every upload was refused has META (its last error) but no revision.
  const latest = meta && meta.latestRevision >= 1 ? meta.latestRevision : 0;
  const stored = latest > 0 ? await deps.sheets.getRevision(id, latest) : null;
  const previous = stored && keyedSheet(stored.sheet, latest);
  const sheet = assignFigureKeys(previous?.figures ?? null, { ...parsed, id, sourceHash: hash }, latest + 1);
  return {
    status: 'previewed',
    preview: {
      id,
      uploadId: hash,
      parserVersion: deps.parserVersion,
      latestRevision: latest > 0 ? latest : null,
      unchanged: latest > 0 && meta?.sourceHash === hash,
      sheet,
      diff: previous ? diffSheets(previous, sheet, latest, latest + 1) : null,
    },
  };
}
