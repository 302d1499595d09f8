/** Whether a sheet's last upload or its source's last refresh failed, and why (for the badges). */
import { formatTime } from '../format';
import type { SheetSummary, Source } from '../types';

/** The last upload failed when its error record is newer than the last published revision. */
export function uploadFailure(sheet: SheetSummary): string | null {
  const error = sheet.lastError;
  if (!error || error.at < sheet.updatedAt) return null;
  return `${error.reason}: ${error.message} (${formatTime(error.at)}, ${error.key})`;
}

/** The source's last check failed: its error and when. */
export function refreshFailure(source: Source): string | null {
  if (source.lastStatus !== 'failed') return null;
  const when = source.lastCheckedAt ? ` (${formatTime(source.lastCheckedAt)})` : '';
  return `${source.lastError ?? 'refresh failed'}${when}`;
}
