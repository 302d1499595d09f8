/** What the use cases need from object storage. `s3-blob-store.ts` implements it. */

export interface StoredObject {
  bytes: Uint8Array;
  etag?: string;
  contentType?: string;
  lastModified?: Date;
}

export interface BlobStore {
  /** The object's current bytes, or null when there is no such key. */
  get(key: string): Promise<StoredObject | null>;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Writes only when the key does not exist yet (archive objects are immutable). */
  putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Every key under the prefix (walks all pages). */
  list(prefix: string): Promise<string[]>;
}
