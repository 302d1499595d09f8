/**
 * Bounded in-process caches for the warm API function. Revisions are immutable, so an LRU never serves
 * stale data for them; the TTL cache bounds the staleness of latest-pointer reads (META, cross-sheet
 * figure queries) to what Cache-Control already tells clients. Both coalesce concurrent misses so a burst
 * on a cold key costs one store read.
 */

/** Least-recently-used cache with at most `capacity` entries. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Memoizes async loads per key. Entries live `ttlMs` (0: only while the load is in flight, i.e. pure
 * request coalescing); failed loads are never cached.
 */
export class AsyncCache<V> {
  private readonly lru: LruCache<string, { value: Promise<V>; expiresAt: number }>;
  constructor(
    capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lru = new LruCache(capacity);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.lru.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    const value = load();
    const entry = { value, expiresAt: Number.POSITIVE_INFINITY };
    this.lru.set(key, entry);
    value.then(
      () => {
        if (this.ttlMs <= 0) this.forget(key, entry);
        else entry.expiresAt = this.now() + this.ttlMs;
      },
      () => this.forget(key, entry),
    );
    return value;
  }

  /** Drops a key (after a write through this process). */
  invalidate(key: string): void {
    this.lru.delete(key);
  }

  private forget(key: string, entry: { value: Promise<V> }): void {
    if (this.lru.get(key) === entry) this.lru.delete(key);
  }
}
