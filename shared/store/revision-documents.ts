/**
 * Revision documents: each published revision's `{ header, sheet }` as one immutable gzip JSON object under
 * `parsed/{id}/`, written before the revision becomes visible. DynamoDB keeps only the header items that
 * name the document, so a cold read of a whole revision is one header read plus one GET, whatever its size.
 *
 * The key carries the publish attempt (`parsed/{id}/{revision}.{attempt}.json.gz`): two writers racing
 * for the same revision each write their own document, so the loser can never overwrite the winner's.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ParsedSheet } from '../model';
import { PARSED_PREFIX } from '../topology';
import type { RevisionHeader } from './ports';

/** What one revision document holds: the same shape `GET /sheets/{id}/revisions/{rev}` answers. */
export interface RevisionDocument {
  header: RevisionHeader;
  sheet: ParsedSheet;
}

/** Where the document of one publish attempt lives. */
export function documentKey(id: string, revision: number, attempt: string): string {
  return `${PARSED_PREFIX}${id}/${revision}.${attempt}.json.gz`;
}

/** Object storage for revision documents (S3 in production, a Map in domain tests). */
export interface RevisionDocumentStore {
  put(key: string, document: RevisionDocument): Promise<void>;
  /** The document, or null when no object has that key. */
  get(key: string): Promise<RevisionDocument | null>;
  /** A URL that GETs the object without credentials for `expiresInSeconds` (pre-signed on S3). */
  presignedUrl?(key: string, expiresInSeconds: number): Promise<string>;
}

/** gzip of the document's JSON. Level 6 (zlib's default): 2 MB of sheet JSON in tens of ms, ~8× smaller. */
export function encodeDocument(document: RevisionDocument): Buffer {
  return gzipSync(JSON.stringify(document));
}

/**
 * The document from its stored bytes. A client or proxy that already undid the Content-Encoding hands
 * back plain JSON, so the gzip magic number decides.
 */
export function decodeDocument(bytes: Uint8Array): RevisionDocument {
  const gzipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const json = (gzipped ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8');
  return JSON.parse(json) as RevisionDocument;
}
