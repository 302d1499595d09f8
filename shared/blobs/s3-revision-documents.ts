/** RevisionDocumentStore over one S3 bucket (AWS or s3rver): gzip objects, pre-signed GETs. */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { translateAwsError } from '../aws/errors';
import {
  decodeDocument,
  encodeDocument,
  type RevisionDocument,
  type RevisionDocumentStore,
} from '../store/revision-documents';

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export class S3RevisionDocuments implements RevisionDocumentStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async put(key: string, document: RevisionDocument): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: encodeDocument(document),
          // A client following the redirect to a pre-signed URL gets the JSON the API would have sent.
          ContentType: 'application/json; charset=utf-8',
          ContentEncoding: 'gzip',
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    } catch (err) {
      translateAwsError(err, `S3 put ${key}`);
    }
  }

  async get(key: string): Promise<RevisionDocument | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.Body ? decodeDocument(await res.Body.transformToByteArray()) : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      return translateAwsError(err, `S3 get ${key}`);
    }
  }

  presignedUrl(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }
}
