/** Source content types by file extension: what uploads send and which S3 keys the trigger accepts. */
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
