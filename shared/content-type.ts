/**
 * Source content types by the extension of a local file name (the CLI's `upload` and `parse`, the local
 * seed): `.htm` and `.text` read as HTML and plain text too. Not what the trigger accepts: the api stores
 * every upload as `sources/{id}.txt` or `.html` by its content type (pipeline/source-key.ts), the only
 * suffixes the topology's S3 trigger lists (SOURCE_SUFFIXES).
 */
import type { ContentType } from './model';

const BY_EXTENSION: Readonly<Record<string, ContentType>> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};

/** The content type for a file name, or null when the extension is not a supported source format. */
export function contentTypeForPath(path: string): ContentType | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  return BY_EXTENSION[path.slice(dot).toLowerCase()] ?? null;
}
