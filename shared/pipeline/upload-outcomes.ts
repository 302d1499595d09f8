/**
 * Records what ingest decided about the bytes it read, on the upload they belong to (named by their
 * SHA-256), so `GET /sheets/{id}/uploads/{uploadId}` can tell an editor at once.
 */
import type { UploadOutcome } from '../store/upload-ports';
import type { PipelineDeps } from './deps';
import type { IngestOutcome } from './ingest-outcome';

function uploadOutcomeOf(outcome: IngestOutcome): UploadOutcome | null {
  switch (outcome.status) {
    case 'published':
    case 'unchanged':
      return { status: outcome.status, revision: outcome.revision };
    case 'rejected':
      return { status: 'rejected', reason: outcome.reason, message: outcome.message };
    case 'ignored':
      return outcome.reason === 'superseded' ? { status: 'superseded' } : null;
  }
}

/** Records `outcome` for the upload `uploadId` of sheet `id` (when deps carry an upload store); returns it. */
export async function noteUpload(
  deps: PipelineDeps,
  id: string,
  uploadId: string,
  outcome: IngestOutcome,
): Promise<IngestOutcome> {
  const recorded = deps.uploads && uploadOutcomeOf(outcome);
  if (recorded) await deps.uploads!.recordOutcome(id, uploadId, recorded, deps.clock().toISOString());
  return outcome;
}
