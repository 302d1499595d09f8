/**
 * GET /sheets/{id} needs META and the section outline of the latest revision, not the whole revision: the
 * outlines are cached apart from revisions, so thousands of sheets stay answerable from memory after
 * their revisions were evicted from the (byte-bounded) revision cache. A missing revision is never cached.
 */
import { SheetReader } from '../../../shared/api/sheet-reader';
import { sectionSummaries } from '../../../shared/api/views';
import { NotFoundError } from '../../../shared/errors';
import type { StoredRevision } from '../../../shared/store/ports';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';
import { sampleSheet } from '../../support/sample-sheet';

class CountingSheets extends InMemorySheetRepository {
  revisionReads = 0;
  override async getRevision(id: string, revision: number): Promise<StoredRevision | null> {
    this.revisionReads++;
    return super.getRevision(id, revision);
  }
}

async function publish(sheets: InMemorySheetRepository, id: string) {
  await sheets.publishRevision({
    sheet: sampleSheet(id),
    archiveKey: `archive/${id}/1.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest: 0,
  });
}

describe('SheetReader section outlines', () => {
  it('serve 50 sheets again without a revision read while the revision cache holds only a few', async () => {
    const sheets = new CountingSheets();
    const ids = Array.from({ length: 50 }, (_, i) => `outline-${i}`);
    for (const id of ids) await publish(sheets, id);
    // Room for about one revision: reading the 50 whole revisions twice reads every one of them twice.
    const reader = new SheetReader(sheets, { maxAgeSeconds: 60, revisionCacheBytes: 40_000 });
    for (const id of ids) await reader.revision(id, 1);
    for (const id of ids) await reader.revision(id, 1);
    expect(sheets.revisionReads).toBeGreaterThanOrEqual(95);

    sheets.revisionReads = 0;
    const first = await Promise.all(ids.map((id) => reader.outline(id, 1)));
    const readsForOutlines = sheets.revisionReads;
    expect(readsForOutlines).toBeLessThanOrEqual(50);
    const again = await Promise.all(ids.map((id) => reader.outline(id, 1)));
    expect(sheets.revisionReads).toBe(readsForOutlines);
    expect(again).toEqual(first);
    const stored = await sheets.getRevision('outline-7', 1);
    expect(first[7]).toEqual(sectionSummaries(stored!));
  });

  it('does not keep a missing revision: its outline is found once it is published', async () => {
    const sheets = new CountingSheets();
    const reader = new SheetReader(sheets, { maxAgeSeconds: 60 });
    await expect(reader.outline('later', 1)).rejects.toBeInstanceOf(NotFoundError);
    await publish(sheets, 'later');
    expect((await reader.outline('later', 1)).length).toBeGreaterThan(0);
  });
});
