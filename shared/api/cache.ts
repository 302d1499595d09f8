/**
 * Bounded in-process caches for the warm API function. Revisions are immutable, so an LRU never serves
 * stale data for them; the TTL cache bounds the staleness of latest-pointer reads (META, cross-sheet
 * figure queries) to what Cache-Control already tells clients. Both coalesce concurrent misses so a burst
 * on a cold key costs one store read.
 *
 * Entry counts alone do not bound memory (one revision of a sheet near the source limit is several MB), so
 * both can also be bounded by an estimated byte size: past `maxBytes` the least recently used entries go,
 * and a single value over `maxEntryBytes` is never kept.
 */

export interface ByteBound<V> {
  /** Total estimated bytes kept. */
  maxBytes: number;
  /** A single value above this is not kept (default: maxBytes). */
  maxEntryBytes?: number;
  /** Estimated bytes of one value. */
  sizeOf: (value: V) => number;
}

/** Least-recently-used cache with at most `capacity` entries (and, optionally, at most `maxBytes`). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private totalBytes = 0;
  readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  private readonly sizeOf: (value: V) => number;

  constructor(
    readonly capacity: number,
    bound?: ByteBound<V>,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    if (bound && !(bound.maxBytes > 0)) throw new RangeError('maxBytes must be positive');
    this.maxBytes = bound?.maxBytes ?? Number.POSITIVE_INFINITY;
    this.maxEntryBytes = Math.min(bound?.maxEntryBytes ?? this.maxBytes, this.maxBytes);
    this.sizeOf = bound?.sizeOf ?? (() => 0);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Estimated bytes held (0 without a byte bound). */
  get bytes(): number {
    return this.totalBytes;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    // Too large to keep: the caller still has the value; caching it would push out everything else.
    if (bytes > this.maxEntryBytes) return;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    this.evict();
  }

  /** Re-weighs an entry whose value's size became known later (an async load that resolved). */
  resize(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const bytes = this.sizeOf(entry.value);
    if (bytes > this.maxEntryBytes) {
      this.delete(key);
      return;
    }
    this.totalBytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.evict();
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  private evict(): void {
    while (this.entries.size > this.capacity || this.totalBytes > this.maxBytes) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }
}

interface AsyncEntry<V> {
  value: Promise<V>;
  /** When the load began: the data it returns is at least this fresh. */
  startedAt: number;
  expiresAt: number;
  /** The resolved value once known (what a byte bound weighs); in flight it weighs nothing. */
  settled?: { value: V };
}

/**
 * The oldest load behind one answer (ms since the epoch). Every cache read made for it lowers `oldest` to
 * the start of the load it used, so whoever keeps the answer knows how old its data really is.
 */
export interface ReadBasis {
  oldest: number;
}

export interface AsyncGetOptions {
  /** Load again when the kept value's load began longer ago than this (still coalescing loads in flight). */
  maxAgeMs?: number;
  /** Lowered to the start of the load whose value is returned. */
  basis?: ReadBasis;
}

/**
 * Memoizes async loads per key. Entries live `ttlMs` from the start of their load (0: only while the load
 * is in flight, i.e. pure request coalescing); failed loads are never cached. With a byte bound, a value is
 * weighed when it resolves.
 */
export class AsyncCache<V> {
  private readonly lru: LruCache<string, AsyncEntry<V>>;
  constructor(
    capacity: number,
    private readonly ttlMs: number,
    private readonly now: () => number = () => Date.now(),
    bound?: ByteBound<V>,
  ) {
    this.lru = new LruCache(
      capacity,
      bound && {
        maxBytes: bound.maxBytes,
        maxEntryBytes: bound.maxEntryBytes,
        sizeOf: (entry) => (entry.settled ? bound.sizeOf(entry.settled.value) : 0),
      },
    );
  }

  get(key: string, load: () => Promise<V>, options: AsyncGetOptions = {}): Promise<V> {
    const now = this.now();
    const hit = this.lru.get(key);
    if (
      hit &&
      hit.expiresAt > now &&
      !(hit.settled && now - hit.startedAt > (options.maxAgeMs ?? Infinity))
    ) {
      if (options.basis) options.basis.oldest = Math.min(options.basis.oldest, hit.startedAt);
      return hit.value;
    }
    if (options.basis) options.basis.oldest = Math.min(options.basis.oldest, now);
    const value = load();
    const entry: AsyncEntry<V> = { value, startedAt: now, expiresAt: Number.POSITIVE_INFINITY };
    this.lru.set(key, entry);
    value.then(
      (resolved) => {
        if (this.ttlMs <= 0) {
          this.forget(key, entry);
          return;
        }
        entry.expiresAt = entry.startedAt + this.ttlMs;
        entry.settled = { value: resolved };
        if (this.peek(key) === entry) this.lru.resize(key);
      },
      () => this.forget(key, entry),
    );
    return value;
  }

  /** Drops a key (after a write through this process). */
  invalidate(key: string): void {
    this.lru.delete(key);
  }

  /** Entries and estimated bytes held (tests, diagnostics). */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.lru.size, bytes: this.lru.bytes };
  }

  private peek(key: string): AsyncEntry<V> | undefined {
    return this.lru.get(key);
  }

  private forget(key: string, entry: AsyncEntry<V>): void {
    if (this.peek(key) === entry) this.lru.delete(key);
  }
}
