/**
 * The pipeline's one hook into the event bus: after a revision is published and after an input is
 * refused. A failure to emit propagates, so the invocation fails visibly and is retried by its trigger.
 *
 * The retry must still announce the revision although it finds the bytes published: META names the
 * revision whose event is not confirmed on the bus (`unannouncedRevision`, set by the flip), `announced`
 * clears it after a successful emit, and `reannounce` emits it again from the stored header (same event
 * id, so subscribers that had it skip it).
 */
import { revisionPublished, uploadRejected } from '../events/build';
import type { ParsedSheet } from '../model';
import type { DiffSummary, RevisionReason, SheetMeta } from '../store/ports';
import type { PipelineDeps } from './deps';

export async function emitPublished(
  deps: PipelineDeps,
  sheet: ParsedSheet,
  revision: number,
  reason: RevisionReason,
  diff: DiffSummary | null,
): Promise<void> {
  if (!deps.events) return;
  await deps.events.publish([
    revisionPublished({
      sheetId: sheet.id,
      title: sheet.title,
      country: sheet.country,
      revision,
      reason,
      sourceHash: sheet.sourceHash,
      diff,
      publishedAt: deps.clock().toISOString(),
    }),
  ]);
}

/** After a successful emit: the revision's event is on the bus, so META stops naming it unannounced. */
export async function announced(deps: PipelineDeps, id: string, revision: number): Promise<void> {
  if (deps.events) await deps.sheets.markAnnounced?.(id, revision);
}

/**
 * Emits `sheet.revision.published` again for META's latest revision when its first emit was never
 * confirmed (the writer failed or died between the flip and the bus). Returns whether it did.
 */
export async function reannounce(deps: PipelineDeps, meta: SheetMeta): Promise<boolean> {
  if (!deps.events || meta.unannouncedRevision !== meta.latestRevision) return false;
  const header = await deps.sheets.getRevisionHeader(meta.id, meta.latestRevision);
  if (!header) return false;
  await deps.events.publish([
    revisionPublished({
      sheetId: header.id,
      title: header.title,
      country: header.country,
      revision: header.revision,
      reason: header.reason,
      sourceHash: header.sourceHash,
      diff: header.diff,
      publishedAt: header.createdAt,
    }),
  ]);
  await announced(deps, meta.id, meta.latestRevision);
  deps.logger.info('revision announced again', { sheetId: meta.id, revision: meta.latestRevision });
  return true;
}

export async function emitRejected(
  deps: PipelineDeps,
  input: {
    sheetId: string;
    key: string;
    reason: string;
    message: string;
    uploadId: string | null;
    at: string;
  },
): Promise<void> {
  if (!deps.events) return;
  await deps.events.publish([uploadRejected(input)]);
}
