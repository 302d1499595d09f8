/** In-memory UploadRepository for domain tests: the same semantics as DynamoUploadRepository. */
import { checkLimit } from '../../../shared/store/cursor';
import type { Page, PageRequest } from '../../../shared/store/ports';
import type {
  PendingUpload,
  UploadOutcome,
  UploadRecord,
  UploadRepository,
  UploadStatus,
} from '../../../shared/store/upload-ports';

export class InMemoryUploadRepository implements UploadRepository {
  readonly records = new Map<string, UploadRecord>();

  async recordPending(upload: PendingUpload): Promise<void> {
    this.records.set(`${upload.sheetId}/${upload.uploadId}`, { ...upload, status: 'pending' });
  }

  async recordOutcome(
    sheetId: string,
    uploadId: string,
    outcome: UploadOutcome,
    at: string,
  ): Promise<boolean> {
    const decided = this.decide(sheetId, uploadId, outcome, at, ['pending', 'superseded']);
    if (!decided || outcome.status === 'superseded') return decided !== null;
    for (const older of this.records.values()) {
      if (older.sheetId !== sheetId || older.status !== 'pending' || older.uploadId === uploadId) continue;
      if (older.uploadedAt < decided.uploadedAt) {
        this.decide(sheetId, older.uploadId, { status: 'superseded', by: uploadId }, at, ['pending']);
      }
    }
    return true;
  }

  async get(sheetId: string, uploadId: string): Promise<UploadRecord | null> {
    const found = this.records.get(`${sheetId}/${uploadId}`);
    return found ? { ...found } : null;
  }

  async list(sheetId: string, page: PageRequest): Promise<Page<UploadRecord>> {
    const limit = checkLimit(page.limit);
    const order = (r: UploadRecord) => `${r.uploadedAt}#${r.uploadId}`;
    const all = [...this.records.values()]
      .filter((r) => r.sheetId === sheetId && (page.cursor === undefined || order(r) < page.cursor))
      .sort((a, b) => (order(a) < order(b) ? 1 : -1));
    const items = all.slice(0, limit).map((r) => ({ ...r }));
    const last = items[items.length - 1];
    return all.length > limit && last ? { items, nextCursor: order(last) } : { items };
  }

  private decide(
    sheetId: string,
    uploadId: string,
    outcome: UploadOutcome,
    at: string,
    from: readonly UploadStatus[],
  ): UploadRecord | null {
    const key = `${sheetId}/${uploadId}`;
    const current = this.records.get(key);
    if (current && !from.includes(current.status)) return null;
    const record: UploadRecord = {
      sheetId,
      uploadId,
      uploadedAt: current?.uploadedAt ?? at,
      ...(current?.key !== undefined && { key: current.key }),
      ...(current?.bytes !== undefined && { bytes: current.bytes }),
      status: outcome.status,
      decidedAt: at,
      ...(outcome.status === 'published' || outcome.status === 'unchanged'
        ? { revision: outcome.revision }
        : outcome.status === 'rejected'
          ? { reason: outcome.reason, message: outcome.message }
          : outcome.by !== undefined
            ? { supersededBy: outcome.by }
            : {}),
    };
    this.records.set(key, record);
    return record;
  }
}
