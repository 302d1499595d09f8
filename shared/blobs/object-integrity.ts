/**
 * Bytes read back must be the bytes written. S3 (and s3rver) return the object's MD5 as its ETag for a
 * single-part object stored unencrypted or with SSE-S3; comparing it catches an object damaged at rest (a
 * truncated file in the local DATA_DIR) before anything parses or publishes it. Multipart ETags (`…-N`)
 * and KMS-encrypted objects carry no MD5, so nothing is checked for them.
 */
import { createHash } from 'node:crypto';
import { CorruptObjectError } from '../errors';

const MD5_ETAG = /^"?([0-9a-f]{32})"?$/i;

/** Throws CorruptObjectError when the ETag is an MD5 and the bytes do not have it. */
export function verifyMd5(
  key: string,
  bytes: Uint8Array,
  etag: string | undefined,
  serverSideEncryption?: string,
): void {
  if (serverSideEncryption !== undefined && serverSideEncryption !== 'AES256') return;
  const expected = etag ? MD5_ETAG.exec(etag)?.[1]?.toLowerCase() : undefined;
  if (!expected) return;
  const actual = createHash('md5').update(bytes).digest('hex');
  if (actual === expected) return;
  throw new CorruptObjectError(
    key,
    createHash('sha256').update(bytes).digest('hex'),
    `Stored object ${key} is damaged: its ${bytes.length} bytes have MD5 ${actual}, not the recorded ${expected}; restore it or upload the document again`,
  );
}
