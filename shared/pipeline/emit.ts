/**
 * The pipeline's one hook into the event bus: after a revision is published and after an input is
 * refused. A failure to emit propagates, so the invocation fails visibly and is retried by its trigger.
 */
import { revisionPublished, uploadRejected } from '../events/build';
import type { ParsedSheet } from '../model';
import type { DiffSummary, RevisionReason } from '../store/ports';
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
