/**
 * DynamoSheetRepository semantics on dynalite: racing writers, paging and cursors, the cross-sheet figure
 * projection, items too large for one DynamoDB item, error records.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/aws/clients';
import { RevisionConflictError, ValidationError } from '../../shared/errors';
import { parseSheet } from '../../shared/index';
import type { ParsedSheet } from '../../shared/model';
import { diffSheets } from '../../shared/pipeline/diff';
import { encodeCursor } from '../../shared/store/cursor';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import type { PublishInput } from '../../shared/store/ports';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';

let resources: TestResources;
let repo: DynamoSheetRepository;

const parse = (name: string, id: string) =>
  parseSheet(fixture(`sheets/${name}`), { id, contentType: 'text/plain' });
const publish = (sheet: ParsedSheet, expectedLatest: number, extra: Partial<PublishInput> = {}) =>
  repo.publishRevision({
    sheet,
    archiveKey: `archive/${sheet.id}/${sheet.sourceHash}.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest,
    ...extra,
  });

beforeAll(async () => {
  resources = await createTestResources('sheet-repo');
  repo = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

describe('DynamoSheetRepository on dynalite', () => {
  it('lets exactly one of two racing writers publish a revision, with its own content only', async () => {
    const a = parse('mali.txt', 'duel');
    const b = parse('mali-revised.txt', 'duel');
    const results = await Promise.allSettled([publish(a, 0), publish(b, 0)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(RevisionConflictError);
    const winner = results[0]?.status === 'fulfilled' ? a : b;
    expect((await repo.getRevision('duel', 1))?.sheet).toEqual(winner);
    // Only the winner's attempt is left under the revision (the loser deleted its items).
    const items = await documentClient().send(
      new QueryCommand({
        TableName: resources.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'SHEET#duel', ':p': 'REV#00000001#' },
      }),
    );
    expect(new Set(items.Items?.map((i) => (i.sk as string).split('#')[2])).size).toBe(1);
  });

  it('pages sheets and revisions with opaque cursors and refuses forged ones', async () => {
    const mali = parse('mali.txt', 'paged');
    const revised = parse('mali-revised.txt', 'paged');
    await publish(mali, 0);
    await publish(revised, 1, { diff: diffSheets(mali, revised, 1, 2) });
    await publish(mali, 2);

    const first = await repo.listRevisions('paged', { limit: 2 });
    expect(first.items.map((h) => h.revision)).toEqual([3, 2]);
    expect(first.items[1]?.diff?.figures.changed).toHaveLength(3);
    const rest = await repo.listRevisions('paged', { limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((h) => h.revision)).toEqual([1]);
    expect(rest.nextCursor).toBeUndefined();

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repo.listSheets({ limit: 1, ...(cursor && { cursor }) });
      ids.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(['duel', 'paged']);

    // A cursor forged to read another sheet's revisions through gsi1 is refused.
    const forged = encodeCursor({
      pk: 'SHEET#duel',
      sk: 'REV#00000001',
      gsi1pk: 'REVS#duel',
      gsi1sk: '00000001',
    });
    await expect(repo.listRevisions('paged', { limit: 2, cursor: forged })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(repo.listSheets({ limit: 2, cursor: 'garbage!' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('serves cross-sheet figures of the latest revision only, dropping stale projection items', async () => {
    const money = await repo.queryLatestFigures({ kind: 'money', fiscalYear: 2021, limit: 100 });
    const paged = money.items.filter((f) => f.sheetId === 'paged');
    expect(paged.length).toBeGreaterThan(0);
    expect(paged.every((f) => f.revision === 3 && f.kind === 'money' && f.country === 'Mali')).toBe(true);
    expect(paged.map((f) => f.text)).toContain('$148 million');

    // A projection item left at an older revision (a writer mid-refresh) is never served.
    await documentClient().send(
      new PutCommand({
        TableName: resources.tableName,
        Item: {
          pk: 'SHEET#paged',
          sk: 'LATEST#F#09999',
          sheetId: 'paged',
          revision: 2,
          country: 'Mali',
          data: JSON.stringify({ ...paged[0], text: 'stale' }),
          gsi2pk: 'FIG#money',
          gsi2sk: 'FY#2021#paged#09999',
        },
      }),
    );
    const again = await repo.queryLatestFigures({ kind: 'money', fiscalYear: 2021, limit: 100 });
    expect(again.items.map((f) => f.text)).not.toContain('stale');
    expect(again.items.filter((f) => f.sheetId === 'paged')).toHaveLength(paged.length);

    const elsewhere = await repo.queryLatestFigures({ kind: 'money', country: 'Niger', limit: 100 });
    expect(elsewhere.items).toEqual([]);
  });

  it('stores sections, figures and text larger than one DynamoDB item', async () => {
    const base = parse('mali.txt', 'huge');
    // ~250 K characters, with astral characters so chunk boundaries can fall inside a surrogate pair.
    const long = '𝔘𝔖 aid ♥ '.repeat(25_000);
    const [first, ...others] = base.figures;
    if (!first) throw new Error('fixture has no figures');
    const sheet: ParsedSheet = {
      ...base,
      text: `${base.text}\n${long}`,
      sections: [
        ...base.sections,
        {
          id: 'huge',
          heading: 'Huge',
          level: 2,
          start: 0,
          end: 1,
          blocks: [{ type: 'paragraph', text: long }],
        },
      ],
      figures: [{ ...first, sentence: `${first.sentence} ${long}` }, ...others],
    };
    await publish(sheet, 0);
    const stored = await repo.getRevision('huge', 1);
    expect(stored?.sheet).toEqual(sheet);
    expect(await repo.getSections('huge', 1)).toEqual(sheet.sections);
    expect(await repo.getFigures('huge', 1)).toEqual(sheet.figures);
    // The cross-sheet projection keeps the figure, with its outsized sentence cut short.
    const dates = await repo.queryLatestFigures({ kind: first.kind, limit: 200 });
    const projected = dates.items.find((f) => f.sheetId === 'huge' && f.id === first.id);
    expect(projected?.value).toEqual(first.value);
    expect(projected?.sentence.length).toBeLessThan(long.length);
  });

  it('keeps error records for a sheet without revisions, newest first', async () => {
    await repo.recordError('ghost', {
      at: '2026-01-01T00:00:00.000Z',
      key: 'sources/ghost.txt',
      reason: 'empty',
      message: 'empty',
    });
    await repo.recordError('ghost', {
      at: '2026-01-02T00:00:00.000Z',
      key: 'sources/ghost.txt',
      reason: 'binary',
      message: 'binary',
    });
    expect(await repo.getMeta('ghost')).toBeNull();
    const page = await repo.listErrors('ghost', { limit: 1 });
    expect(page.items.map((e) => e.reason)).toEqual(['binary']);
    const next = await repo.listErrors('ghost', { limit: 1, cursor: page.nextCursor });
    expect(next.items.map((e) => e.reason)).toEqual(['empty']);
    expect((await repo.listSheets({ limit: 100 })).items.map((m) => m.id)).not.toContain('ghost');
  });

  it('returns null / empty for revisions that do not exist', async () => {
    expect(await repo.getRevision('paged', 99)).toBeNull();
    expect(await repo.getRevisionHeader('nobody', 1)).toBeNull();
    expect(await repo.getFigures('paged', 99)).toEqual([]);
    expect(await repo.getMeta('nobody')).toBeNull();
  });
});

// Last: its sheet would show up in the listing tests above.
describe('publishRevision onVisible', () => {
  it('calls onVisible once readers resolve the new revision, before its marker and projection exist', async () => {
    const sheet = parse('mali.txt', 'visible');
    const seen: unknown[] = [];
    const revision = await publish(sheet, 0, {
      onVisible: async (rev) => {
        const meta = await repo.getMeta('visible');
        seen.push({
          rev,
          latest: meta?.latestRevision,
          readable: (await repo.getRevision('visible', rev))?.sheet.sourceHash,
        });
      },
    });
    expect(seen).toEqual([{ rev: revision, latest: 1, readable: sheet.sourceHash }]);
    // And the publish still completes: the revision is listed once the call returns.
    expect((await repo.listRevisions('visible', { limit: 5 })).items.map((h) => h.revision)).toEqual([1]);
  });
});
