/**
 * Coalesces the META reads one process needs at about the same time into one store call. Loads asked for
 * in the same turn of the event loop (requests whose bytes arrived together) are read together when the
 * turn ends (setImmediate), with SheetRepository.getMetas; one alone is a plain getMeta, as is every load
 * when the store has no batch read. Each read still happens after it was asked for, so a batched read is
 * as fresh as a single one. A failed call fails each load in it (the caches never keep a failure).
 */
import type { SheetMeta, SheetRepository } from '../store/ports';

interface Waiter {
  resolve: (meta: SheetMeta | null) => void;
  reject: (err: unknown) => void;
}

export class MetaBatcher {
  private queued = new Map<string, Waiter[]>();

  constructor(private readonly repo: SheetRepository) {}

  load(id: string): Promise<SheetMeta | null> {
    if (!this.repo.getMetas) return this.repo.getMeta(id);
    return new Promise((resolve, reject) => {
      if (this.queued.size === 0) setImmediate(() => void this.flush());
      const waiters = this.queued.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else this.queued.set(id, [{ resolve, reject }]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queued;
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
