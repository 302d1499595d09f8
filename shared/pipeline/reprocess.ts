/**
 * Re-parse the ARCHIVED source of a sheet's latest revision with the current parser, publishing a new
 * revision (reason `reprocess`) when the parser version differs, or always with `force`.
 */

import type { SourceRejection } from '../errors';
import { ConflictError, InvalidSourceError, NotFoundError, RevisionConflictError } from '../errors';
import type { PipelineDeps } from './deps';
import { diffSheets } from './diff';
import { announced, emitPublished, reannounce } from './emit';
import { assignFigureKeys, keyedSheet } from './figure-keys';
import { DEFAULT_PUBLISH_ATTEMPTS, rejectSource, sha256Hex, timedParse } from './ingest';
import { contentTypeOfKey } from './source-key';

export type ReprocessOutcome =
  | { status: 'published'; id: string; revision: number }
  | { status: 'unchanged'; id: string; revision: number }
  | { status: 'rejected'; id: string; reason: SourceRejection; message: string };

export interface ReprocessOptions {
  /** Publish even when the stored parser version is the current one. */
  force?: boolean;
}

export async function reprocessSheet(
  deps: PipelineDeps,
  id: string,
  options: ReprocessOptions = {},
): Promise<ReprocessOutcome> {
  const attempts = deps.maxPublishAttempts ?? DEFAULT_PUBLISH_ATTEMPTS;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const meta = await deps.sheets.getMeta(id);
    if (!meta) throw new NotFoundError(`Sheet ${id} has no revision to reprocess`);
    // As ingest does: complete a publish whose writer stopped after its META flip before flipping again.
    // Our flip replaces META.latestAttempt, the only pointer to that revision's items until its marker is
    // written, and its LATEST#F projection would otherwise wait for the next ingest.
    if (meta.projectedRevision !== meta.latestRevision) await deps.sheets.finalizeLatest?.(id);
    const latest = meta.latestRevision;
    if (!options.force && meta.parserVersion === deps.parserVersion) {
      await reannounce(deps, meta);
      return { status: 'unchanged', id, revision: latest };
    }
    const previous = await deps.sheets.getRevision(id, latest);
    if (!previous) throw new ConflictError(`Sheet ${id}: revision ${latest} is not readable`);
    const { archiveKey } = previous.header;
    const object = await deps.blobs.get(archiveKey);
    if (!object) throw new ConflictError(`Sheet ${id}: archived source ${archiveKey} is missing`);
    const archivedHash = sha256Hex(object.bytes);
    if (archivedHash !== previous.header.sourceHash || !archiveKey.includes(`/${archivedHash}.`)) {
      // Archives are immutable and named by their SHA-256: other bytes under that key were written by
      // something else, and must never become a revision that claims the published hash.
      const message = `Archived source ${archiveKey} has SHA-256 ${archivedHash}, not the ${previous.header.sourceHash} it was archived with; restore it from the source upload`;
      const outcome = await rejectSource(deps, id, archiveKey, 'archive-mismatch', message);
      return outcome as ReprocessOutcome;
    }
    const contentType = contentTypeOfKey(archiveKey) ?? previous.header.contentType;
    const parsed = timedParse(deps, object.bytes, id, contentType);
    if (parsed instanceof InvalidSourceError) {
      const outcome = await rejectSource(
        deps,
        id,
        archiveKey,
        parsed.reason,
        parsed.message,
        meta.sourceHash,
      );
      return outcome as ReprocessOutcome;
    }
    const before = keyedSheet(previous.sheet, latest);
    const sheet = assignFigureKeys(
      before.figures,
      { ...parsed, id, sourceHash: previous.header.sourceHash },
      latest + 1,
    );
    try {
      const diff = diffSheets(before, sheet, latest, latest + 1);
      const revision = await deps.sheets.publishRevision({
        sheet,
        archiveKey,
        reason: 'reprocess',
        diff,
        expectedLatest: latest,
      });
      deps.metrics.count('RevisionsPublished');
      await emitPublished(deps, sheet, revision, 'reprocess', diff);
      await announced(deps, id, revision);
      deps.logger.info('sheet reprocessed', {
        key: archiveKey,
        sheetId: id,
        revision,
        parserVersion: sheet.parserVersion,
      });
      return { status: 'published', id, revision };
    } catch (err) {
      if (!(err instanceof RevisionConflictError)) throw err;
    }
  }
  throw new RevisionConflictError(`Sheet ${id}: gave up reprocessing after ${attempts} lost publish races`);
}

export interface ReprocessAllOptions extends ReprocessOptions {
  /** Sheets reprocessed at the same time (default 4). */
  concurrency?: number;
  onProgress?: (progress: {
    done: number;
    id: string;
    outcome: ReprocessOutcome | { status: 'failed'; error: string };
  }) => void;
}

export interface ReprocessAllSummary {
  total: number;
  published: number;
  unchanged: number;
  rejected: number;
  failed: { id: string; error: string }[];
}

/** Every sheet (walking listSheets), with bounded concurrency; one failure does not stop the others. */
export async function reprocessAll(
  deps: PipelineDeps,
  options: ReprocessAllOptions = {},
): Promise<ReprocessAllSummary> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.sheets.listSheets({ limit: 100, ...(cursor !== undefined && { cursor }) });
    ids.push(...page.items.map((meta) => meta.id));
    cursor = page.nextCursor;
  } while (cursor);

  const summary: ReprocessAllSummary = {
    total: ids.length,
    published: 0,
    unchanged: 0,
    rejected: 0,
    failed: [],
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i] as string;
      let outcome: ReprocessOutcome | { status: 'failed'; error: string };
      try {
        outcome = await reprocessSheet(deps, id, options);
        summary[outcome.status]++;
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        deps.logger.error('reprocess failed', { sheetId: id, error });
        summary.failed.push({ id, error });
        outcome = { status: 'failed', error };
      }
      options.onProgress?.({ done: ++done, id, outcome });
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, ids.length || 1));
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summary;
}
