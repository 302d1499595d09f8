/** BlobStore over one S3 bucket (AWS or s3rver); SDK failures become domain errors here. */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { translateAwsError } from '../aws/errors';
import { CorruptObjectError } from '../errors';
import { verifyMd5 } from './object-integrity';
import type { BlobStore, ObjectInfo, StoredObject } from './ports';

function alreadyExists(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return e?.name === 'PreconditionFailed' || status === 412 || status === 409;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async get(key: string): Promise<StoredObject | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const bytes = res.Body ? await res.Body.transformToByteArray() : new Uint8Array();
      verifyMd5(key, bytes, res.ETag, res.ServerSideEncryption);
      return {
        bytes,
        ...(res.ETag !== undefined && { etag: res.ETag }),
        ...(res.ContentType !== undefined && { contentType: res.ContentType }),
        ...(res.LastModified !== undefined && { lastModified: res.LastModified }),
      };
    } catch (err) {
      if (isNotFound(err)) return null;
      if (err instanceof CorruptObjectError) throw err;
      return translateAwsError(err, `S3 get ${key}`);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return {
        ...(res.LastModified !== undefined && { lastModified: res.LastModified }),
        ...(res.ETag !== undefined && { etag: res.ETag }),
        ...(res.ContentLength !== undefined && { size: res.ContentLength }),
      };
    } catch (err) {
      // HeadObject has no body, so a missing key is a bare 404 ("NotFound"), which isNotFound covers. S3
      // answers a missing key with 403 instead when it finds no s3:ListBucket for the caller (the
      // prefix-conditioned grant may not apply to a HEAD); an object we may not read is as good as absent
      // to every caller (ingest's sibling check then behaves as for a sheet with one key).
      if (isNotFound(err) || statusOf(err) === 403) return null;
      return translateAwsError(err, `S3 head ${key}`);
    }
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }),
      );
    } catch (err) {
      translateAwsError(err, `S3 put ${key}`);
    }
  }

  async putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    // S3 honours If-None-Match on PutObject (412 when the key exists). s3rver ignores the header and
    // overwrites; archive keys are content-addressed, so that can only rewrite identical bytes.
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          IfNoneMatch: '*',
        }),
      );
    } catch (err) {
      if (alreadyExists(err)) return;
      translateAwsError(err, `S3 put-if-absent ${key}`);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const res = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const item of res.Contents ?? []) if (item.Key) keys.push(item.Key);
        token = res.IsTruncated ? res.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      translateAwsError(err, `S3 list ${prefix}`);
    }
    return keys;
  }
}
