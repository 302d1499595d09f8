import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { S3BlobStore } from '../../../shared/blobs/s3-blob-store';
import { TransientStoreError } from '../../../shared/errors';

const s3Mock = mockClient(S3Client);
const store = new S3BlobStore(new S3Client({ region: 'us-east-1' }), 'bucket');

function serviceError(name: string, status: number) {
  return new S3ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

beforeEach(() => s3Mock.reset());

describe('S3BlobStore error paths', () => {
  it('returns null for a missing key', async () => {
    s3Mock
      .on(GetObjectCommand)
      .rejects(new NoSuchKey({ message: 'gone', $metadata: { httpStatusCode: 404 } }));
    await expect(store.get('sources/x.txt')).resolves.toBeNull();
  });

  it('maps SlowDown and 5xx to TransientStoreError', async () => {
    s3Mock.on(GetObjectCommand).rejects(serviceError('SlowDown', 503));
    await expect(store.get('sources/x.txt')).rejects.toBeInstanceOf(TransientStoreError);
    s3Mock.on(PutObjectCommand).rejects(serviceError('InternalError', 500));
    await expect(store.put('k', new Uint8Array([1]), 'text/plain')).rejects.toBeInstanceOf(
      TransientStoreError,
    );
  });

  it('keeps client errors as they are (not retryable)', async () => {
    s3Mock.on(PutObjectCommand).rejects(serviceError('AccessDenied', 403));
    const err = await store.put('k', new Uint8Array([1]), 'text/plain').catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(TransientStoreError);
    expect((err as Error).name).toBe('AccessDenied');
  });

  it('putIfAbsent sends If-None-Match and treats an existing key as done', async () => {
    s3Mock.on(PutObjectCommand).rejects(serviceError('PreconditionFailed', 412));
    await expect(
      store.putIfAbsent('archive/a/h.txt', new Uint8Array([1]), 'text/plain'),
    ).resolves.toBeUndefined();
    expect(s3Mock).toHaveReceivedCommandWith(PutObjectCommand, { Key: 'archive/a/h.txt', IfNoneMatch: '*' });
  });
});
