/**
 * Coalesces the META reads one process needs at about the same time into one store call. Loads asked for
 * in the same turn of the event loop (requests whose bytes arrived together) are read together when the
 * turn ends (setImmediate), with SheetRepository.getMetas; one alone is a plain getMeta, as is every load
 * when the store has no batch read. A `lazy` load (a refresh ahead of expiry, which nobody waits for) may
 * wait up to LAZY_FLUSH_MS for others to join it, so refreshes of many sheets share one call even when few
 * requests are in flight; an eager load flushes the lazy ones with it. Each read still happens after it was
 * asked for, so a batched read is as fresh as a single one. A failed call fails each load in it (the
 * caches never keep a failure).
 */
import type { SheetMeta, SheetRepository } from '../store/ports';

interface Waiter {
  resolve: (meta: SheetMeta | null) => void;
  reject: (err: unknown) => void;
}

/** How long a lazy load may wait for company. */
export const LAZY_FLUSH_MS = 20;
/** A batch this large goes at once (the store reads 100 keys a call). */
const FULL_BATCH = 100;

export class MetaBatcher {
  private queued = new Map<string, Waiter[]>();
  private eagerScheduled = false;
  private lazyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly repo: SheetRepository) {}

  load(id: string, options: { lazy?: boolean } = {}): Promise<SheetMeta | null> {
    if (!this.repo.getMetas) return this.repo.getMeta(id);
    return new Promise((resolve, reject) => {
      const waiters = this.queued.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else this.queued.set(id, [{ resolve, reject }]);
      if (!options.lazy || this.queued.size >= FULL_BATCH) this.scheduleEager();
      else this.lazyTimer ??= setTimeout(() => void this.flush(), LAZY_FLUSH_MS);
    });
  }

  private scheduleEager(): void {
    if (this.eagerScheduled) return;
    this.eagerScheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.eagerScheduled = false;
    if (this.lazyTimer) clearTimeout(this.lazyTimer);
    this.lazyTimer = undefined;
    const batch = this.queued;
    if (batch.size === 0) return;
    this.queued = new Map();
    const ids = [...batch.keys()];
    try {
      const metas =
        ids.length === 1
          ? new Map([[ids[0]!, await this.repo.getMeta(ids[0]!)]])
          : await this.repo.getMetas!(ids);
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(metas.get(id) ?? null);
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  }
}
