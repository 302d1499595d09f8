/**
 * The in-memory fake and the DynamoDB adapter answer the same questions the same way, so domain tests on
 * the fake say something about production.
 */
import { documentClient } from '../../shared/aws/clients';
import { RevisionConflictError, ValidationError } from '../../shared/errors';
import { parseSheet } from '../../shared/index';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import type { SheetRepository } from '../../shared/store/ports';
import { InMemorySheetRepository } from '../support/fakes/memory-sheets';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, testDocuments } from '../support/resources';

const mali = parseSheet(fixture('sheets/mali.txt'), { id: 'mali', contentType: 'text/plain' });
const revised = parseSheet(fixture('sheets/mali-revised.txt'), { id: 'mali', contentType: 'text/plain' });
const input = (sheet = mali, expectedLatest = 0) => ({
  sheet,
  archiveKey: `archive/mali/${sheet.sourceHash}.txt`,
  reason: 'upload' as const,
  diff: null,
  expectedLatest,
});

/** Everything observable through the port after the same sequence of calls. */
async function scenario(repo: SheetRepository) {
  await repo.recordError('mali', {
    at: '2026-01-01T00:00:00.000Z',
    key: 'sources/mali.txt',
    reason: 'empty',
    message: 'm1',
  });
  const metaBefore = await repo.getMeta('mali');
  const first = await repo.publishRevision(input());
  const conflict = await repo.publishRevision(input(revised, 0)).catch((e: unknown) => e);
  const second = await repo.publishRevision(input(revised, 1));
  await repo.recordError('mali', {
    at: '2026-01-02T00:00:00.000Z',
    key: 'sources/mali.txt',
    reason: 'binary',
    message: 'm2',
  });
  const meta = await repo.getMeta('mali');
  // An announce for a revision that is no longer the one META names changes nothing; for it, clears it.
  await repo.markAnnounced?.('mali', 1);
  const stillUnannounced = (await repo.getMeta('mali'))?.unannouncedRevision;
  await repo.markAnnounced?.('mali', 2);
  const announced = (await repo.getMeta('mali'))?.unannouncedRevision;
  const fy2021 = await repo.queryLatestFigures({ kind: 'money', fiscalYear: 2021, limit: 100 });
  const badCursor = await repo.listSheets({ limit: 1, cursor: 'nope!' }).catch((e: unknown) => e);
  return {
    metaBefore,
    first,
    conflictIsRevisionConflict: conflict instanceof RevisionConflictError,
    second,
    meta: meta && { ...meta, createdAt: typeof meta.createdAt, updatedAt: typeof meta.updatedAt },
    revisions: (await repo.listRevisions('mali', { limit: 10 })).items.map((h) => [h.revision, h.sourceHash]),
    errors: (await repo.listErrors('mali', { limit: 10 })).items.map((e) => e.reason),
    sheets: (await repo.listSheets({ limit: 10 })).items.map((m) => m.id),
    revision1: (await repo.getRevision('mali', 1))?.sheet,
    sections2: await repo.getSections('mali', 2),
    figures2: await repo.getFigures('mali', 2),
    fy2021: fy2021.items.map((f) => [f.sheetId, f.revision, f.text]).sort(),
    badCursorIsValidation: badCursor instanceof ValidationError,
    stillUnannounced,
    announced,
  };
}

describe('InMemorySheetRepository ≡ DynamoSheetRepository', () => {
  it('observes the same results for the same calls', async () => {
    const { tableName } = await createTestResources('parity');
    const dynamo = await scenario(
      new DynamoSheetRepository(documentClient(), tableName, { documents: testDocuments() }),
    );
    const memory = await scenario(new InMemorySheetRepository());
    expect(dynamo).toEqual(memory);
    // And the scenario is not vacuous.
    expect(dynamo.metaBefore).toBeNull();
    expect(dynamo.conflictIsRevisionConflict).toBe(true);
    expect([dynamo.stillUnannounced, dynamo.announced]).toEqual([2, undefined]);
    expect(dynamo.revisions).toEqual([
      [2, revised.sourceHash],
      [1, mali.sourceHash],
    ]);
    expect(dynamo.errors).toEqual(['binary', 'empty']);
    expect(dynamo.meta?.lastError?.reason).toBe('binary');
    expect(dynamo.fy2021.length).toBeGreaterThan(0);
    expect(dynamo.badCursorIsValidation).toBe(true);
  });
});
