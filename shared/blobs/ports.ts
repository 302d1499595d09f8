/** What the use cases need from object storage. `s3-blob-store.ts` implements it. */

export interface StoredObject {
  bytes: Uint8Array;
  etag?: string;
  contentType?: string;
  lastModified?: Date;
}

/** An object's metadata without its bytes. */
export interface ObjectInfo {
  /** S3 reports whole seconds. */
  lastModified?: Date;
  etag?: string;
  size?: number;
}

export interface BlobStore {
  /** The object's current bytes, or null when there is no such key. */
  get(key: string): Promise<StoredObject | null>;
  /** The object's metadata (HeadObject: needs only s3:GetObject), or null when there is no such key. */
  head(key: string): Promise<ObjectInfo | null>;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Writes only when the key does not exist yet (archive objects are immutable). */
  putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Every key under the prefix (walks all pages). */
  list(prefix: string): Promise<string[]>;
}
