/**
 * s3rver writes an object straight into its final file and answers the PUT before the write is flushed, so
 * a GET right after (or during) a PUT can read a truncated or half-replaced object. Real S3 replaces an
 * object atomically: readers see the old bytes or the new ones, never a mix. This patch makes the
 * filesystem store write to a temporary file, wait until it is on disk, then rename it into place.
 * The rename and the metadata (the object's MD5) are one step per key: two PUTs of one key that renamed
 * A, B and wrote metadata B, A left B's bytes under A's MD5, which ingest then refused as corrupt.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface S3rverObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}

interface FilesystemStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
}

let patched = false;

/** Idempotent; call before s3rver serves its first request. */
export function makeS3rverPutsAtomic(): void {
  if (patched) return;
  patched = true;
  const Store = require('s3rver/lib/stores/filesystem') as { prototype: FilesystemStore };
  Store.prototype.putObject = async function putObject(this: FilesystemStore, object: S3rverObject) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    // Not ending in `._S3rver_object`, so listings never show a half-written temporary file.
    const tmpPath = `${objectPath}.${randomUUID()}.tmp`;
    const md5 = createHash('md5');
    let size = 0;
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, measure, createWriteStream(tmpPath));
    } catch (err) {
      await unlink(tmpPath).catch(() => {});
      throw err;
    }
    const digest = md5.digest('hex');
    await oneAtATime(objectPath, async () => {
      try {
        await rename(tmpPath, objectPath);
      } catch (err) {
        await unlink(tmpPath).catch(() => {});
        throw err;
      }
      await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    });
    return { size, md5: digest };
  };
}

/** The tail of each key's chain of replace steps; a key leaves the map when its chain is idle. */
const replacing = new Map<string, Promise<void>>();

/** Runs `step` after every step queued before it for `key`, never two at once. */
async function oneAtATime(key: string, step: () => Promise<void>): Promise<void> {
  const previous = replacing.get(key) ?? Promise.resolve();
  const current = previous.then(step);
  const tail = current.catch(() => {});
  replacing.set(key, tail);
  try {
    await current;
  } finally {
    if (replacing.get(key) === tail) replacing.delete(key);
  }
}
