/**
 * Following an upload resource until ingest decides: GET /sheets/{id}/uploads/{uploadId} (never cached,
 * read consistently) until it is no longer `pending`. The interval grows so a slow ingest costs few reads.
 */
import { apiGet } from '../api';
import type { Upload } from './api-types';

export interface WatchOptions {
  /** Stop after this long (the upload may still be decided later: the page says so). */
  timeoutMs?: number;
  onStatus?: (upload: Upload) => void;
  signal?: AbortSignal;
}

const FIRST_DELAY_MS = 150;
const MAX_DELAY_MS = 2_000;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves with the decided upload, or with the last pending one when `timeoutMs` ran out or aborted. */
export async function watchUpload(
  sheetId: string,
  uploadId: string,
  options: WatchOptions = {},
): Promise<Upload> {
  const path = `/sheets/${encodeURIComponent(sheetId)}/uploads/${encodeURIComponent(uploadId)}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const upload = await apiGet<Upload>(path);
    options.onStatus?.(upload);
    if (upload.status !== 'pending' || Date.now() > deadline || options.signal?.aborted) return upload;
    await sleep(delay, options.signal);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
