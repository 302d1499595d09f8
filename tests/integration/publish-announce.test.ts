/**
 * When ingest announces a revision, on the real emulators: the event and the upload outcome go out at the
 * META flip, before the commit marker and the cross-sheet projection (which only `/figures` and history
 * wait for); a failed PutEvents still lets the publish finish, then fails the invocation for its retry.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchWriteCommand, type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { S3BlobStore } from '../../shared/blobs/s3-blob-store';
import { eventId } from '../../shared/events/build';
import type { EventPublisher } from '../../shared/events/publisher';
import type { AnyEvent } from '../../shared/events/types';
import { PARSER_VERSION, parseSheet } from '../../shared/index';
import { type PipelineMetrics, silentLogger } from '../../shared/observability';
import type { PipelineDeps } from '../../shared/pipeline/deps';
import { ingestObject, sha256Hex } from '../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { DynamoUploadRepository } from '../../shared/store/dynamo-uploads';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';

let resources: TestResources;

const noMetrics: PipelineMetrics = { count() {}, milliseconds() {}, flush() {} };

beforeAll(async () => {
  resources = await createTestResources('publish-announce');
});

const isFlip = (c: unknown) =>
  c instanceof UpdateCommand && /latestAttempt = :attempt/.test(c.input.UpdateExpression ?? '');
const isMark = (c: unknown) =>
  c instanceof UpdateCommand && /^SET projectedRevision/.test(c.input.UpdateExpression ?? '');
const isOutcome = (c: unknown) => c instanceof UpdateCommand && String(c.input.Key?.sk).startsWith('UPLOAD#');
const isFinalize = (c: unknown) =>
  c instanceof BatchWriteCommand &&
  Object.values(c.input.RequestItems ?? {})
    .flat()
    .some((r) => /^(REV#\d{8}|LATEST#F#)/.test(String(r.PutRequest?.Item?.sk)));

/** Deps whose DynamoDB calls (flip, outcome, finalize, mark) and events are logged in the order sent. */
function recordingDeps(events: (log: string[]) => EventPublisher) {
  const log: string[] = [];
  const real = documentClient();
  // The projection goes out as several BatchWriteItem calls: logged once.
  const note = (step: string) => log.at(-1) !== step && log.push(step);
  const send = (command: unknown) => {
    if (isFlip(command)) note('flip');
    else if (isOutcome(command)) note('upload outcome');
    else if (isFinalize(command)) note('marker + projection');
    else if (isMark(command)) note('projection mark');
    return real.send(command as Parameters<typeof real.send>[0]);
  };
  const client = { send } as unknown as DynamoDBDocumentClient;
  const deps: PipelineDeps = {
    sheets: new DynamoSheetRepository(client, resources.tableName, {
      documents: testDocuments(resources.bucketName),
    }),
    uploads: new DynamoUploadRepository(client, resources.tableName),
    events: events(log),
    blobs: new S3BlobStore(s3Client(), resources.bucketName),
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger: silentLogger,
    metrics: noMetrics,
    maxSourceBytes: 2 * 1024 * 1024,
  };
  return { deps, log };
}

async function upload(deps: PipelineDeps, id: string, name: string) {
  const bytes = fixture(name);
  const key = `sources/${id}.txt`;
  await deps.uploads!.recordPending({
    sheetId: id,
    uploadId: sha256Hex(bytes),
    key,
    bytes: bytes.length,
    uploadedAt: new Date().toISOString(),
  });
  await s3Client().send(new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: bytes }));
  return { key, uploadId: sha256Hex(bytes) };
}

describe('announcing a published revision', () => {
  it('emits the event and records the upload outcome at the META flip, before the marker and projection', async () => {
    const { deps, log } = recordingDeps((log) => ({
      publish: async (events) => {
        for (const event of events) log.push(`event ${event.type}`);
      },
    }));
    const { key, uploadId } = await upload(deps, 'announce-order', 'sheets/mali.txt');

    expect(await ingestObject(deps, { key })).toMatchObject({ status: 'published', revision: 1 });

    expect(log).toEqual([
      'flip',
      'event sheet.revision.published',
      'upload outcome',
      'marker + projection',
      'projection mark',
    ]);
    expect(await deps.uploads!.get('announce-order', uploadId)).toMatchObject({
      status: 'published',
      revision: 1,
    });
  });

  it('a PutEvents failure still lets the marker and projection be written, then fails the invocation', async () => {
    const { deps, log } = recordingDeps(() => ({
      publish: async () => {
        throw new Error('EventBridge refused 1 of 1 events: InternalFailure');
      },
    }));
    const { key, uploadId } = await upload(deps, 'announce-fails', 'sheets/mali.txt');

    await expect(ingestObject(deps, { key })).rejects.toThrow(/EventBridge refused/);

    expect(log).toEqual(['flip', 'upload outcome', 'marker + projection', 'projection mark']);
    expect(await deps.sheets.getMeta('announce-fails')).toMatchObject({
      latestRevision: 1,
      projectedRevision: 1,
    });
    expect((await deps.sheets.listRevisions('announce-fails', { limit: 5 })).items).toHaveLength(1);
    expect(await deps.uploads!.get('announce-fails', uploadId)).toMatchObject({ status: 'published' });
  });

  it('the retry finds the bytes published and announces that revision once, with the same event id', async () => {
    const sent: AnyEvent[] = [];
    let failures = 1;
    const { deps } = recordingDeps(() => ({
      publish: async (events) => {
        if (failures-- > 0) throw new Error('EventBridge refused 1 of 1 events: InternalFailure');
        sent.push(...events);
      },
    }));
    const { key } = await upload(deps, 'announce-retry', 'sheets/mali.txt');

    await expect(ingestObject(deps, { key })).rejects.toThrow(/EventBridge refused/);
    expect(await deps.sheets.getMeta('announce-retry')).toMatchObject({ unannouncedRevision: 1 });

    // What the trigger's retry does: the same object again.
    expect(await ingestObject(deps, { key })).toMatchObject({ status: 'unchanged', revision: 1 });
    expect(sent.map((e) => e.type)).toEqual(['sheet.revision.published']);
    const [event] = sent as [AnyEvent & { data: { revision: number; reason: string; sheetId: string } }];
    expect(event.id).toBe(eventId('sheet.revision.published', 'announce-retry', 1));
    expect(event.data).toMatchObject({ sheetId: 'announce-retry', revision: 1, reason: 'upload' });
    expect((await deps.sheets.getMeta('announce-retry'))?.unannouncedRevision).toBeUndefined();

    // Announced now: a third delivery of the same event announces nothing more.
    expect(await ingestObject(deps, { key })).toMatchObject({ status: 'unchanged' });
    expect(sent).toHaveLength(1);
  });

  it('a successful emit leaves no revision unannounced', async () => {
    const { deps } = recordingDeps(() => ({ publish: async () => {} }));
    const { key } = await upload(deps, 'announce-clean', 'sheets/mali.txt');
    await ingestObject(deps, { key });
    const meta = await deps.sheets.getMeta('announce-clean');
    expect(meta?.latestRevision).toBe(1);
    expect(meta?.unannouncedRevision).toBeUndefined();
  });
});
