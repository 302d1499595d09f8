import { createHash } from 'node:crypto';

/** sha256 of the bytes, lowercase hex: the identity of a source revision. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
