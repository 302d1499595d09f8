/**
 * Error paths the emulators cannot produce: throttling, UnprocessedItems, a lost conditional flip.
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
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { RevisionConflictError, TransientStoreError } from '../../../shared/errors';
import { parseSheet } from '../../../shared/index';
import type { BackoffOptions } from '../../../shared/store/batch-write';
import { DynamoSheetRepository } from '../../../shared/store/dynamo-sheets';
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
const repo = () => new DynamoSheetRepository(client, 'table', { backoff });
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

  it('retries UnprocessedItems with growing backoff until every item is written', async () => {
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
    // Every child item of the revision was sent; the two left over were re-sent.
    const children = sheet.sections.length + sheet.figures.length + 2;
    expect(written.filter((sk) => sk?.startsWith('REV#00000001#')).length).toBe(children + 2);
    expect(delays.length).toBe(2);
  });

  it('gives up with TransientStoreError when items stay unprocessed, and never flips META', async () => {
    ddbMock.on(BatchWriteCommand).callsFake((req: { RequestItems: Record<string, unknown[]> }) => {
      const items = req.RequestItems.table ?? [];
      const puts = items.filter((i) => (i as { PutRequest?: unknown }).PutRequest);
      return { UnprocessedItems: { table: puts.slice(0, 1) } };
    });
    const err = await repo()
      .publishRevision(input)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientStoreError);
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
    // Each 25-item chunk backs off 5, 10, 20 ms (full jitter at 0.5 of 10·2^n) before its 4th and last try.
    const chunks = Math.ceil((sheet.sections.length + sheet.figures.length + 2) / 25);
    expect([...delays].sort((a, b) => a - b)).toEqual([5, 10, 20].flatMap((d) => Array(chunks).fill(d)));
  });

  it('maps throttling of the batch itself to TransientStoreError', async () => {
    ddbMock.on(BatchWriteCommand).rejects(throttled());
    await expect(repo().publishRevision(input)).rejects.toBeInstanceOf(TransientStoreError);
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('turns a failed flip condition into RevisionConflictError and deletes its own attempt items', async () => {
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
    const batches = ddbMock
      .commandCalls(BatchWriteCommand)
      .map((c) => c.args[0].input.RequestItems?.table ?? []);
    const put = batches
      .flat()
      .flatMap((r) => (r.PutRequest ? [(r.PutRequest.Item as { sk: string }).sk] : []));
    const deleted = batches
      .flat()
      .flatMap((r) => (r.DeleteRequest ? [(r.DeleteRequest.Key as { sk: string }).sk] : []));
    expect(deleted.sort()).toEqual(put.sort());
    expect(put.every((sk) => sk.startsWith('REV#00000004#'))).toBe(true);
  });

  it('never flips META when the work it must wait for (the archive) fails, and removes its items', async () => {
    ddbMock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    const ready = Promise.reject(new TransientStoreError('archive failed'));
    await expect(repo().publishRevision({ ...input, ready })).rejects.toBeInstanceOf(TransientStoreError);
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
    const requests = ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((c) => c.args[0].input.RequestItems?.table ?? []);
    const puts = requests.filter((r) => r.PutRequest).length;
    expect(requests.filter((r) => r.DeleteRequest).length).toBe(puts);
  });

  it('keeps its items when the flip itself fails transiently (it may have been applied)', async () => {
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
      .resolves({ Responses: { table: [{ id: 'mali', latestRevision: 2 }] } });
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
