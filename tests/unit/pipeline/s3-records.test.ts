import { TransientStoreError } from '../../../shared/errors';
import { decodeS3Key, ingestS3Records, type S3RecordLike } from '../../../shared/pipeline/s3-records';
import { fixture, memoryDeps } from '../../support/pipeline-deps';

const record = (key: string, eventName = 'ObjectCreated:Put', bucket = 'b'): S3RecordLike => ({
  eventName,
  s3: { bucket: { name: bucket }, object: { key } },
});

describe('decodeS3Key', () => {
  it('decodes form-URL-encoding as S3 sends it', () => {
    expect(decodeS3Key('sources/c%C3%B4te+d.txt')).toBe('sources/côte d.txt');
    expect(decodeS3Key('sources/a%2Bb.txt')).toBe('sources/a+b.txt');
    expect(decodeS3Key('sources/mali.txt')).toBe('sources/mali.txt');
  });

  it('returns null for malformed escapes', () => {
    expect(decodeS3Key('sources/%E0%A4%A.txt')).toBeNull();
  });
});

describe('ingestS3Records', () => {
  it('handles each record; one rejected record does not stop the next', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    await deps.blobs.put('sources/empty.txt', new Uint8Array(), 'text/plain');
    const result = await ingestS3Records(
      deps,
      [
        record('sources/empty.txt'),
        record('sources/mali.txt'),
        record('other/x.txt'),
        record('sources/mali.txt', 'ObjectRemoved:Delete'),
      ],
      'b',
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['rejected', 'published', 'ignored', 'ignored']);
    expect(result.retryable).toEqual([]);
  });

  it('ignores records of another bucket', async () => {
    const deps = memoryDeps();
    const result = await ingestS3Records(
      deps,
      [record('sources/mali.txt', 'ObjectCreated:Put', 'elsewhere')],
      'b',
    );
    expect(result.outcomes).toEqual([{ status: 'ignored', reason: 'outside-sources' }]);
  });

  it('collects retryable failures and unexpected errors, and still handles the other records', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    const realGet = deps.blobs.get.bind(deps.blobs);
    deps.blobs.get = async (key) => {
      if (key === 'sources/slow.txt') throw new TransientStoreError('S3 throttled');
      if (key === 'sources/bug.txt') throw new TypeError('bug');
      return realGet(key);
    };
    const result = await ingestS3Records(
      deps,
      [record('sources/slow.txt'), record('sources/bug.txt'), record('sources/mali.txt')],
      'b',
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'published']);
    expect(result.retryable).toHaveLength(2);
    expect(result.retryable[0]).toBeInstanceOf(TransientStoreError);
  });
});
