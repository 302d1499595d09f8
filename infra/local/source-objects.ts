/**
 * Lists the `sources/` objects of the bucket for reconciliation; an object's bytes are read only when
 * reconcile asks (one object per sheet). Uses ListObjects (v1, marker paging): s3rver's v2 continuation
 * tokens need the OpenSSL legacy provider, which a worker thread cannot enable.
 */
import { GetObjectCommand, ListObjectsCommand } from '@aws-sdk/client-s3';
import { s3Client } from '../../shared/aws/clients';
import type { ListedSourceObject } from './reconcile';

export async function* listSourceObjects(bucket: string, prefix: string): AsyncGenerator<ListedSourceObject> {
  let marker: string | undefined;
  for (;;) {
    const page = await s3Client().send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker }),
    );
    const contents = page.Contents ?? [];
    for (const entry of contents) {
      const key = entry.Key;
      if (!key) continue;
      yield {
        key,
        size: entry.Size ?? 0,
        eTag: entry.ETag ?? '',
        lastModified: entry.LastModified ?? new Date(0),
        read: async () => {
          const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
        },
      };
    }
    if (!page.IsTruncated || contents.length === 0) return;
    marker = page.NextMarker ?? contents.at(-1)?.Key;
  }
}
