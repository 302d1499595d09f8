/** In-memory SourceRepository for domain tests: the same semantics as DynamoSourceRepository. */
import { NotFoundError } from '../../../shared/errors';
import { checkLimit } from '../../../shared/store/cursor';
import type { Page, PageRequest, SourceRecord, SourceRepository } from '../../../shared/store/ports';
import { applySourceCheck, type SourceCheck } from '../../../shared/store/source-check';

export class InMemorySourceRepository implements SourceRepository {
  readonly records = new Map<string, SourceRecord>();

  async get(id: string): Promise<SourceRecord | null> {
    const found = this.records.get(id);
    return found ? { ...found } : null;
  }

  async list(page: PageRequest): Promise<Page<SourceRecord>> {
    const limit = checkLimit(page.limit);
    const ids = [...this.records.keys()].sort().filter((id) => page.cursor === undefined || id > page.cursor);
    const items = ids.slice(0, limit).map((id) => ({ ...this.records.get(id)! }));
    const last = items[items.length - 1];
    return ids.length > limit && last ? { items, nextCursor: last.id } : { items };
  }

  async listEnabled(): Promise<SourceRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.enabled)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => ({ ...r }));
  }

  async put(record: SourceRecord): Promise<void> {
    this.records.set(record.id, { ...record });
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  async recordCheck(id: string, update: SourceCheck): Promise<void> {
    const current = this.records.get(id);
    if (!current) throw new NotFoundError(`source "${id}" is not registered`);
    this.records.set(id, applySourceCheck(current, update));
  }
}
