import { createHash } from 'node:crypto';
import { verifyMd5 } from '../../../shared/blobs/object-integrity';
import { CorruptObjectError } from '../../../shared/errors';

const bytes = new TextEncoder().encode('U.S. Relations With Mali');
const md5 = createHash('md5').update(bytes).digest('hex');

describe('verifyMd5', () => {
  it('accepts bytes with the recorded MD5 (quoted ETag, as S3 sends it)', () => {
    expect(() => verifyMd5('sources/mali.txt', bytes, `"${md5}"`)).not.toThrow();
  });

  it('refuses truncated bytes, naming the key and the SHA-256 of what was read', () => {
    const truncated = bytes.subarray(0, 10);
    let caught: unknown;
    try {
      verifyMd5('sources/mali.txt', truncated, `"${md5}"`);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CorruptObjectError);
    expect((caught as CorruptObjectError).message).toContain('sources/mali.txt');
    expect((caught as CorruptObjectError).sourceHash).toBe(
      createHash('sha256').update(truncated).digest('hex'),
    );
  });

  it('checks nothing where the ETag is no MD5 (multipart, KMS)', () => {
    expect(() => verifyMd5('k', bytes, `"${md5}-3"`)).not.toThrow();
    expect(() => verifyMd5('k', bytes, `"${'0'.repeat(32)}"`, 'aws:kms')).not.toThrow();
    expect(() => verifyMd5('k', bytes, undefined)).not.toThrow();
  });
});
