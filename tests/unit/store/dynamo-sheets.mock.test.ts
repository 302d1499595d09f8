/**
 * Error paths the emulators cannot produce: throttling, UnprocessedItems, a lost conditional flip.
 * Revision documents go to an in-memory store; only the table's commands are mocked.
 */
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { RevisionConflictError, TransientStoreError } from '../../../shared/errors';
import { parseSheet } from '../../../shared/index';
import type { BackoffOptions } from '../../../shared/store/batch-write';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
import { InMemoryRevisionDocuments } from '../../support/fakes/memory-revision-documents';
import { fixture } from '../../support/pipeline-deps';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const sheet = parseSheet(fixture('sheets/mali.txt'), { id: 'mali', contentType: 'text/plain' });
const delays: number[] = [];
const backoff: BackoffOptions = {
  maxAttempts: 4,
  baseDelayMs: 10,
  maxDelayMs: 100,
  sleep: async (ms) => {
    delays.push(ms);
  },
  random: () => 0.5,
};
let documents = new InMemoryRevisionDocuments();
const repo = () => new DynamoSheetRepository(client, 'table', { backoff, documents });
const input = {
  sheet,
  archiveKey: 'archive/mali/x.txt',
  reason: 'upload' as const,
  diff: null,
  expectedLatest: 0,
};

function throttled() {
  return new ProvisionedThroughputExceededException({
    message: 'slow down',
    $metadata: { httpStatusCode: 400 },
  });
}

beforeEach(() => {
  ddbMock.reset();
  delays.length = 0;
  documents = new InMemoryRevisionDocuments();
});

describe('DynamoSheetRepository error paths', () => {
  it('turns throttling on a read into a retryable TransientStoreError', async () => {
    ddbMock.on(GetCommand).rejects(throttled());
    const err = await repo()
      .getMeta('mali')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientStoreError);
    expect((err as TransientStoreError).retryable).toBe(true);
  });

  it('retries UnprocessedItems of the commit marker and projection until every item is written', async () => {
    let calls = 0;
    ddbMock.on(BatchWriteCommand).callsFake((req: { RequestItems: Record<string, unknown[]> }) => {
      calls++;
      const items = req.RequestItems.table ?? [];
      // The first two calls leave their last item unprocessed.
      return calls <= 2 ? { UnprocessedItems: { table: items.slice(-1) } } : { UnprocessedItems: {} };
    });
    ddbMock.on(UpdateCommand).resolves({ Attributes: undefined });
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    await expect(repo().publishRevision(input)).resolves.toBe(1);
    const written = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.table ?? [])
      .map((r) => (r.PutRequest?.Item as { sk: string } | undefined)?.sk);
    // The marker and the projection (an item per figure at least) were sent; the two left over were re-sent.
    const finalized = written.filter((sk) => sk === 'REV#00000001' || sk?.startsWith('LATEST#'));
    const distinct = new Set(finalized);
    expect(distinct.has('REV#00000001')).toBe(true);
    expect([...distinct].filter((sk) => sk?.startsWith('LATEST#F#')).length).toBe(sheet.figures.length);
    expect(finalized.length).toBe(distinct.size + 2);
    expect(delays.length).toBe(2);
  });

  it('writes the revision as one document plus one header item, never an item per section or figure', async () => {
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    ddbMock.on(UpdateCommand).resolves({ Attributes: undefined });
    await repo().publishRevision(input);
    const puts = ddbMock.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.sk as string);
    expect(puts).toEqual([expect.stringMatching(/^REV#00000001#[0-9a-f]{8}#H$/)]);
    const batched = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.table ?? [])
      .map((r) => String(r.PutRequest?.Item?.sk));
    expect(batched.filter((sk) => /^REV#\d+#/.test(sk))).toEqual([]);
    const [key] = [...documents.objects.keys()];
    expect(key).toMatch(/^parsed\/mali\/1\.[0-9a-f]{8}\.json\.gz$/);
    expect((await documents.get(key as string))?.sheet).toEqual(sheet);
  });

  it('gives up with TransientStoreError when finalize items stay unprocessed, leaving META unprojected', async () => {
    ddbMock.on(BatchWriteCommand).callsFake((req: { RequestItems: Record<string, unknown[]> }) => {
      const items = req.RequestItems.table ?? [];
      const puts = items.filter((i) => (i as { PutRequest?: unknown }).PutRequest);
      return { UnprocessedItems: { table: puts.slice(0, 1) } };
    });
    ddbMock.on(UpdateCommand).resolves({ Attributes: undefined });
    const err = await repo()
      .publishRevision(input)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientStoreError);
    // The flip happened; projectedRevision was never set, so the next ingest's finalizeLatest repairs it.
    const updates = ddbMock.commandCalls(UpdateCommand).map((c) => c.args[0].input.UpdateExpression);
    expect(updates.some((u) => /projectedRevision = :rev/.test(u ?? ''))).toBe(false);
    // Each 25-item chunk backs off 5, 10, 20 ms (full jitter at 0.5 of 10·2^n) before its 4th and last try.
    const items = new Set(
      ddbMock
        .commandCalls(BatchWriteCommand)
        .flatMap((c) => c.args[0].input.RequestItems?.table ?? [])
        .map((r) => String(r.PutRequest?.Item?.sk)),
    );
    expect(items.size).toBeGreaterThan(sheet.figures.length);
    const chunks = Math.ceil(items.size / 25);
    expect([...delays].sort((a, b) => a - b)).toEqual([5, 10, 20].flatMap((d) => Array(chunks).fill(d)));
  });

  it('maps throttling of the header put to TransientStoreError and never flips META', async () => {
    ddbMock.on(PutCommand).rejects(throttled());
    await expect(repo().publishRevision(input)).rejects.toBeInstanceOf(TransientStoreError);
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('turns a failed flip condition into RevisionConflictError and deletes its own attempt header', async () => {
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    ddbMock
      .on(UpdateCommand)
      .rejects(
        new ConditionalCheckFailedException({ message: 'condition', $metadata: { httpStatusCode: 400 } }),
      );
    const err = await repo()
      .publishRevision({ ...input, expectedLatest: 3 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RevisionConflictError);
    const flip = ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect(flip?.ConditionExpression).toBe('latestRevision = :expected');
    expect(flip?.ExpressionAttributeValues?.[':expected']).toBe(3);
    const put = ddbMock.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.sk as string);
    const deleted = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.table ?? [])
      .flatMap((r) => (r.DeleteRequest ? [(r.DeleteRequest.Key as { sk: string }).sk] : []));
    expect(deleted.sort()).toEqual(put.sort());
    expect(put.every((sk) => sk.startsWith('REV#00000004#'))).toBe(true);
  });

  it('never flips META when the work it must wait for (the archive) fails, and removes its header', async () => {
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    const ready = Promise.reject(new TransientStoreError('archive failed'));
    await expect(repo().publishRevision({ ...input, ready })).rejects.toBeInstanceOf(TransientStoreError);
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
    const requests = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.table ?? []);
    expect(requests.filter((r) => r.DeleteRequest).length).toBe(ddbMock.commandCalls(PutCommand).length);
  });

  it('keeps its header when the flip itself fails transiently (it may have been applied)', async () => {
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    ddbMock.on(UpdateCommand).rejects(throttled());
    await expect(repo().publishRevision(input)).rejects.toBeInstanceOf(TransientStoreError);
    const requests = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.table ?? []);
    expect(requests.filter((r) => r.DeleteRequest)).toEqual([]);
  });

  it('retries UnprocessedKeys when checking figures against META, and gives up loudly', async () => {
    const figureItem = {
      pk: 'SHEET#mali',
      sk: 'LATEST#F#00000',
      sheetId: 'mali',
      revision: 2,
      country: 'Mali',
      data: JSON.stringify(sheet.figures[0]),
    };
    ddbMock.on(QueryCommand).resolves({ Items: [figureItem] });
    const metaKey = { pk: 'SHEET#mali', sk: 'META' };
    ddbMock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { table: [] }, UnprocessedKeys: { table: { Keys: [metaKey] } } })
      .resolves({ Responses: { table: [{ id: 'mali', latestRevision: 2, projectedRevision: 2 }] } });
    const page = await repo().queryLatestFigures({ kind: 'date', limit: 10 });
    // Projected before figures had keys: the key revision 2 gives its first figure.
    expect(page.items).toEqual([
      { ...sheet.figures[0], key: 'r2-1', sheetId: 'mali', revision: 2, country: 'Mali' },
    ]);
    expect(ddbMock).toHaveReceivedCommandTimes(BatchGetCommand, 2);

    ddbMock
      .on(BatchGetCommand)
      .resolves({ Responses: { table: [] }, UnprocessedKeys: { table: { Keys: [metaKey] } } });
    await expect(repo().queryLatestFigures({ kind: 'date', limit: 10 })).rejects.toBeInstanceOf(
      TransientStoreError,
    );
  });

  it('uses attribute_not_exists for the first revision', async () => {
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    ddbMock.on(UpdateCommand).resolves({});
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    await repo().publishRevision(input);
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.ConditionExpression).toBe(
      'attribute_not_exists(latestRevision)',
    );
  });
});
