import type { ParsedSheet } from '../../../shared/model';
import { inMemoryApi } from '../../support/api-harness';
import { sampleSheet } from '../../support/sample-sheet';

/** The sample sheet with `n` sections (s0 … s{n-1}). */
function manySections(id: string, n: number, version: 1 | 2): ParsedSheet {
  const base = sampleSheet(id, version);
  const template = base.sections[0]!;
  const sections = Array.from({ length: n }, (_, i) => ({ ...template, id: `s${i}`, heading: `S ${i}` }));
  return { ...base, sections, figures: [] };
}

async function publish(harness: ReturnType<typeof inMemoryApi>, sheet: ParsedSheet, expectedLatest: number) {
  await harness.sheets.publishRevision({
    sheet,
    archiveKey: `archive/${sheet.id}/${expectedLatest}.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest,
  });
}

describe('GET /sheets/{id}/sections', () => {
  it('pages sections in document order, and later pages stay on the first page’s revision', async () => {
    const harness = inMemoryApi({ readMaxAgeSeconds: 1 });
    await publish(harness, manySections('paged', 5, 1), 0);
    const first = await harness.call('GET', '/sheets/paged/sections?limit=2');
    expect(first.statusCode).toBe(200);
    const body = first.json as { revision: number; items: { id: string }[]; nextCursor?: string };
    expect(body.items.map((s) => s.id)).toEqual(['s0', 's1']);
    expect(body.nextCursor).toBeDefined();

    // A new revision with fewer sections arrives between pages: the cursor keeps reading revision 1.
    await publish(harness, manySections('paged', 1, 2), 1);
    const ids: string[] = [];
    let cursor = body.nextCursor;
    while (cursor) {
      const page = await harness.call('GET', `/sheets/paged/sections?limit=2&cursor=${cursor}`);
      const json = page.json as { revision: number; items: { id: string }[]; nextCursor?: string };
      expect(json.revision).toBe(1);
      ids.push(...json.items.map((s) => s.id));
      cursor = json.nextCursor;
    }
    expect(ids).toEqual(['s2', 's3', 's4']);
  });

  it('refuses a cursor of another list or another sheet as a 400 naming cursor', async () => {
    const harness = inMemoryApi();
    await publish(harness, manySections('one', 3, 1), 0);
    await publish(harness, manySections('two', 3, 1), 0);
    const page = await harness.call('GET', '/sheets/one/sections?limit=1');
    const { nextCursor } = page.json as { nextCursor: string };
    for (const target of [`/sheets/two/sections?cursor=${nextCursor}`, `/sheets?cursor=${nextCursor}`]) {
      const res = await harness.call('GET', target);
      expect([target, res.statusCode]).toEqual([target, 400]);
      expect(res.json).toMatchObject({ parameter: 'cursor' });
    }
  });
});
