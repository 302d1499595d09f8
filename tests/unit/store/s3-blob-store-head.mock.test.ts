/** S3BlobStore.head: ingest's sibling-key check (HeadObject answers a missing key with a bare 404). */
import { HeadObjectCommand, NotFound, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { S3BlobStore } from '../../../shared/blobs/s3-blob-store';
import { TransientStoreError } from '../../../shared/errors';

const s3Mock = mockClient(S3Client);
const store = new S3BlobStore(new S3Client({ region: 'us-east-1' }), 'bucket');

beforeEach(() => s3Mock.reset());

describe('S3BlobStore.head', () => {
  it('returns the metadata of an existing object', async () => {
    const lastModified = new Date('2026-11-27T10:00:00Z');
    s3Mock.on(HeadObjectCommand).resolves({ LastModified: lastModified, ETag: '"e"', ContentLength: 3 });
    await expect(store.head('sources/x.html')).resolves.toEqual({ lastModified, etag: '"e"', size: 3 });
    expect(s3Mock).toHaveReceivedCommandWith(HeadObjectCommand, { Bucket: 'bucket', Key: 'sources/x.html' });
  });

  it('returns null for a missing (or unreadable) key and maps throttling to TransientStoreError', async () => {
    s3Mock
      .on(HeadObjectCommand)
      .rejects(new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: 404 } }));
    await expect(store.head('sources/x.html')).resolves.toBeNull();
    // A missing key when S3 finds no s3:ListBucket for the caller: 403, nothing to read either way.
    s3Mock
      .on(HeadObjectCommand)
      .rejects(
        new S3ServiceException({ name: 'Forbidden', $fault: 'client', $metadata: { httpStatusCode: 403 } }),
      );
    await expect(store.head('sources/x.html')).resolves.toBeNull();
    s3Mock
      .on(HeadObjectCommand)
      .rejects(
        new S3ServiceException({ name: 'SlowDown', $fault: 'server', $metadata: { httpStatusCode: 503 } }),
      );
    await expect(store.head('sources/x.html')).rejects.toBeInstanceOf(TransientStoreError);
  });
});
