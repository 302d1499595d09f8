/** In-memory BlobStore for domain tests: same semantics as S3BlobStore, no network. */
import type { BlobStore, ObjectInfo, StoredObject } from '../../../shared/blobs/ports';

export class InMemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, StoredObject>();

  async get(key: string): Promise<StoredObject | null> {
    const found = this.objects.get(key);
    return found ? { ...found, bytes: found.bytes.slice() } : null;
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const found = this.objects.get(key);
    if (!found) return null;
    return {
      size: found.bytes.length,
      ...(found.etag !== undefined && { etag: found.etag }),
      ...(found.lastModified !== undefined && { lastModified: found.lastModified }),
    };
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    this.objects.set(key, { bytes: bytes.slice(), contentType, lastModified: new Date() });
  }

  async putIfAbsent(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    if (!this.objects.has(key)) await this.put(key, bytes, contentType);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
