/**
 * Interleavings of readers and writers of one sheet on dynalite, forced by holding a client's commands
 * back: a read of a revision while its items are still being written, a writer whose projection lands
 * after a newer revision's, a writer that died after its META flip, and forged cursors.
 */
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/aws/clients';
import { TransientStoreError, ValidationError } from '../../shared/errors';
import { parseSheet } from '../../shared/index';
import type { ParsedSheet } from '../../shared/model';
import { encodeCursor } from '../../shared/store/cursor';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { writeLegacyRevision } from '../support/legacy-revision';
import { fixture } from '../support/pipeline-deps';
import {
  createTestResources,
  sheetItemsUnder,
  type TestResources,
  testDocuments,
} from '../support/resources';

let resources: TestResources;
let repo: DynamoSheetRepository;

const parse = (name: string, id: string) =>
  parseSheet(fixture(`sheets/${name}`), { id, contentType: 'text/plain' });
const publish = (on: DynamoSheetRepository, sheet: ParsedSheet, expectedLatest: number) =>
  on.publishRevision({
    sheet,
    archiveKey: `archive/${sheet.id}/${sheet.sourceHash}.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest,
  });

type Hook = (command: unknown) => Promise<void> | void;

/** The shared document client with `before`/`after` run around every command it sends. */
function hooked(before: Hook, after: Hook = () => {}): DynamoDBDocumentClient {
  const real = documentClient();
  const send = async (command: unknown) => {
    await before(command);
    const res = await real.send(command as Parameters<typeof real.send>[0]);
    await after(command);
    return res;
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Sort keys a BatchWrite puts or deletes. */
function batchKeys(command: unknown): string[] {
  if (!(command instanceof BatchWriteCommand)) return [];
  return Object.values(command.input.RequestItems ?? {})
    .flat()
    .map((r) => String((r.PutRequest?.Item ?? r.DeleteRequest?.Key)?.sk));
}

const isFlip = (command: unknown) =>
  command instanceof UpdateCommand && /latestAttempt = :attempt/.test(command.input.UpdateExpression ?? '');

const itemsUnder = (id: string, prefix: string) => sheetItemsUnder(resources.tableName, id, prefix);

beforeAll(async () => {
  resources = await createTestResources('sheet-races');
  repo = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

describe('reading a revision while it is being published', () => {
  it('serves nothing of a revision whose document and header are written until its META flip', async () => {
    const id = 'torn';
    await publish(repo, parse('mali.txt', id), 0);
    const next = parse('mali-revised.txt', id);

    // The writer of revision 2 has its document and header in, and waits right before its flip.
    const atFlip = deferred();
    const release = deferred();
    const writer = new DynamoSheetRepository(
      hooked(async (command) => {
        if (!isFlip(command)) return;
        atFlip.resolve();
        await release.promise;
      }),
      resources.tableName,
      { documents: testDocuments(resources.bucketName) },
    );
    const writing = publish(writer, next, 1);
    await atFlip.promise;
    expect(await repo.getRevision(id, 2)).toBeNull();
    expect((await repo.getMeta(id))?.latestRevision).toBe(1);
    expect((await repo.listRevisions(id, { limit: 10 })).items.map((h) => h.revision)).toEqual([1]);
    release.resolve();
    await writing;
    expect((await repo.getRevision(id, 2))?.sheet).toEqual(next);
  });

  it('still reads revisions stored one item per section and figure, and refuses an incomplete one', async () => {
    const id = 'gappy';
    const sheet = parse('mali.txt', id);
    await writeLegacyRevision(resources.tableName, sheet);
    expect((await repo.getRevision(id, 1))?.sheet).toEqual(sheet);
    expect(await repo.getFigures(id, 1)).toEqual(sheet.figures);
    const [figure] = (await itemsUnder(id, 'REV#00000001#')).filter((i) => /#F#\d+$/.test(i.sk));
    await documentClient().send(
      new DeleteCommand({ TableName: resources.tableName, Key: { pk: `SHEET#${id}`, sk: figure?.sk } }),
    );
    await expect(repo.getRevision(id, 1)).rejects.toBeInstanceOf(TransientStoreError);
  });
});

describe('a slow writer of an older revision', () => {
  it('cannot leave the LATEST#F projection at its revision after a newer one was projected', async () => {
    const id = 'slowpoke';
    const first = parse('mali.txt', id);
    await publish(repo, first, 0);
    // Revision 2 has fewer figures than revision 3, so its stale deletes also remove revision-3 items.
    const second = { ...first, figures: first.figures.slice(0, 5) };
    const third = parse('mali-revised.txt', id);

    const projecting = deferred();
    const release = deferred();
    let flipped = false;
    const slow = new DynamoSheetRepository(
      hooked(
        async (command) => {
          if (flipped && batchKeys(command).some((sk) => sk.startsWith('LATEST#F#'))) {
            projecting.resolve();
            await release.promise;
          }
        },
        (command) => {
          if (isFlip(command)) flipped = true;
        },
      ),
      resources.tableName,
      { documents: testDocuments(resources.bucketName) },
    );
    const writingSecond = publish(slow, second, 1);
    await projecting.promise; // revision 2 is flipped, its projection writes are held back
    await publish(repo, third, 2);
    expect((await repo.getMeta(id))?.projectedRevision).toBe(3);
    release.resolve(); // revision 2's projection lands over revision 3's
    await writingSecond;

    const projection = await itemsUnder(id, 'LATEST#F#');
    expect(projection.map((i) => i.revision)).toEqual(third.figures.map(() => 3));
    const money = await repo.queryLatestFigures({ kind: 'money', limit: 1000 });
    // gsi2 orders by fiscal year first, so compare as sets.
    expect(
      money.items
        .filter((f) => f.sheetId === id)
        .map((f) => f.id)
        .sort(),
    ).toEqual(
      third.figures
        .filter((f) => f.kind === 'money')
        .map((f) => f.id)
        .sort(),
    );
    expect((await repo.getMeta(id))?.projectedRevision).toBe(3);
  });
});

describe('a writer that died after its META flip', () => {
  it('does not lose its revision when the next one is published without finalizeLatest', async () => {
    const id = 'orphan';
    const first = parse('mali.txt', id);
    const second = parse('mali-revised.txt', id);
    await publish(repo, first, 0);
    let dead = false;
    const dying = new DynamoSheetRepository(
      hooked(
        () => {
          if (dead) throw new Error('injected: the writer died');
        },
        (command) => {
          if (isFlip(command)) dead = true;
        },
      ),
      resources.tableName,
      { documents: testDocuments(resources.bucketName) },
    );
    await expect(publish(dying, second, 1)).rejects.toThrow('the writer died');
    expect((await repo.getMeta(id))?.projectedRevision).toBe(1);

    await publish(repo, first, 2);
    const history = await repo.listRevisions(id, { limit: 10 });
    expect(history.items.map((h) => h.revision)).toEqual([3, 2, 1]);
    expect((await repo.getRevision(id, 2))?.sheet).toEqual(second);
    expect((await repo.getRevision(id, 3))?.sheet).toEqual(first);
  });
});

describe('forged cursors', () => {
  const cursorError = expect.objectContaining({ name: 'ValidationError', parameter: 'cursor' });

  it('are a ValidationError naming the cursor, never a DynamoDB ValidationException', async () => {
    const id = 'cursed';
    await publish(repo, parse('mali.txt', id), 0);
    const latest = (key: Record<string, string>, fiscalYear?: number) =>
      repo.queryLatestFigures({
        kind: 'money',
        limit: 1,
        ...(fiscalYear !== undefined && { fiscalYear }),
        cursor: encodeCursor(key),
      });
    const good = { pk: `SHEET#${id}`, sk: 'LATEST#F#00000', gsi2pk: 'FIG#money', gsi2sk: 'FY#2021#x#00000' };
    const forged: (() => Promise<unknown>)[] = [
      () => latest({ ...good, pk: '' }),
      () => latest({ ...good, sk: '' }),
      () => latest({ ...good, gsi2sk: 'ZZ#outside' }),
      () => latest({ ...good, sk: 'META' }),
      () => latest(good, 2019),
      () =>
        repo.listRevisions(id, {
          limit: 1,
          cursor: encodeCursor({ pk: `SHEET#${id}`, sk: '', gsi1pk: `REVS#${id}`, gsi1sk: '' }),
        }),
      () =>
        repo.listSheets({
          limit: 1,
          cursor: encodeCursor({ pk: '', sk: 'META', gsi1pk: 'SHEETS', gsi1sk: '' }),
        }),
      () => repo.listErrors(id, { limit: 1, cursor: encodeCursor({ pk: `SHEET#${id}`, sk: 'REV#' }) }),
    ];
    for (const attempt of forged) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err).toEqual(cursorError);
    }
    // A genuine cursor of the fiscal-year query still pages.
    const page = await repo.queryLatestFigures({ kind: 'money', fiscalYear: 2021, limit: 1 });
    expect(page.nextCursor).toBeDefined();
    const second = await repo.queryLatestFigures({
      kind: 'money',
      fiscalYear: 2021,
      limit: 1,
      cursor: page.nextCursor,
    });
    expect(second.items).toHaveLength(1);
  });
});
