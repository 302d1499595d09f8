/**
 * A writer that dies at each step of the publish protocol (document put, header put, META flip, marker and
 * projection, projection mark), on the real emulators: readers then see the old revision or the new one
 * whole — served, listed and in the cross-sheet index together or not at all — and the next ingest of the
 * same upload completes the publish.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { S3BlobStore } from '../../shared/blobs/s3-blob-store';
import { PARSER_VERSION, parseSheet } from '../../shared/index';
import { silentLogger } from '../../shared/observability';
import type { PipelineDeps } from '../../shared/pipeline/deps';
import { ingestObject } from '../../shared/pipeline/ingest';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import type { RevisionDocument, RevisionDocumentStore } from '../../shared/store/revision-documents';
import { RecordingMetrics } from '../support/fakes/recording-observability';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';

let resources: TestResources;
let reader: DynamoSheetRepository;

class WriterDied extends Error {}

type Step = 'document' | 'header' | 'flip' | 'flip-applied' | 'finalize' | 'mark';

const isFlip = (c: unknown) =>
  c instanceof UpdateCommand && /latestAttempt = :attempt/.test(c.input.UpdateExpression ?? '');
const isMark = (c: unknown) =>
  c instanceof UpdateCommand && /^SET projectedRevision/.test(c.input.UpdateExpression ?? '');
const isHeader = (c: unknown) => c instanceof PutCommand && String(c.input.Item?.sk).endsWith('#H');
const isFinalize = (c: unknown) =>
  c instanceof BatchWriteCommand &&
  Object.values(c.input.RequestItems ?? {})
    .flat()
    .some((r) => /^(REV#\d{8}|LATEST#F#)/.test(String(r.PutRequest?.Item?.sk)));

/** A repository whose writer dies at `step` of its next publish (and stays dead). */
function dyingRepository(step: Step): DynamoSheetRepository {
  const real = documentClient();
  let dead = false;
  const die = () => {
    dead = true;
    throw new WriterDied(`injected: the writer died at ${step}`);
  };
  const send = async (command: unknown) => {
    if (dead) die();
    if (
      (step === 'header' && isHeader(command)) ||
      (step === 'flip' && isFlip(command)) ||
      (step === 'finalize' && isFinalize(command)) ||
      (step === 'mark' && isMark(command))
    ) {
      die();
    }
    const res = await real.send(command as Parameters<typeof real.send>[0]);
    if (step === 'flip-applied' && isFlip(command)) die();
    return res;
  };
  const docs = testDocuments(resources.bucketName);
  const documents: RevisionDocumentStore = {
    put: async (key: string, doc: RevisionDocument) => {
      if (dead || step === 'document') die();
      await docs.put(key, doc);
    },
    get: (key) => docs.get(key),
  };
  return new DynamoSheetRepository({ send } as unknown as DynamoDBDocumentClient, resources.tableName, {
    documents,
  });
}

function deps(sheets: DynamoSheetRepository): PipelineDeps {
  return {
    sheets,
    blobs: new S3BlobStore(s3Client(), resources.bucketName),
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger: silentLogger,
    metrics: new RecordingMetrics(),
    maxSourceBytes: 2 * 1024 * 1024,
  };
}

async function putSource(key: string, bytes: Uint8Array) {
  await s3Client().send(new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: bytes }));
}

/** What readers see of a sheet; throws when the revision served, listed and indexed disagree. */
async function visible(id: string) {
  const meta = await reader.getMeta(id);
  const revision = meta?.latestRevision ?? 0;
  const stored = await reader.getRevision(id, revision);
  const listed = (await reader.listRevisions(id, { limit: 10 })).items.map((h) => h.revision);
  const indexed = (await reader.queryLatestFigures({ kind: 'money', limit: 1000 })).items.filter(
    (f) => f.sheetId === id,
  );
  const money = stored?.sheet.figures.filter((f) => f.kind === 'money') ?? [];
  return {
    revision,
    text: stored?.sheet.text,
    listedFirst: listed[0],
    // The index holds this sheet's money figures of the served revision whole, or none of them.
    indexWholeOrAbsent:
      indexed.length === 0 ||
      (indexed.every((f) => f.revision === revision) &&
        indexed
          .map((f) => f.id)
          .sort()
          .join() ===
          money
            .map((f) => f.id)
            .sort()
            .join()),
  };
}

beforeAll(async () => {
  resources = await createTestResources('publish-steps');
  reader = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

const before: Step[] = ['document', 'header', 'flip'];
const after: Step[] = ['flip-applied', 'finalize', 'mark'];

describe.each([...before, ...after])('a writer that dies at %s', (step) => {
  it('leaves readers a whole revision, and the next ingest completes the publish', async () => {
    const id = `die-${step}`;
    const key = `sources/${id}.txt`;
    await putSource(key, fixture('sheets/mali.txt'));
    await ingestObject(deps(reader), { key });
    const first = await visible(id);

    await putSource(key, fixture('sheets/mali-revised.txt'));
    await expect(ingestObject(deps(dyingRepository(step)), { key })).rejects.toBeInstanceOf(WriterDied);

    const seen = await visible(id);
    const expected = before.includes(step) ? 1 : 2;
    expect(seen).toMatchObject({ revision: expected, listedFirst: expected, indexWholeOrAbsent: true });
    if (expected === 1) expect(seen.text).toBe(first.text);
    else expect(seen.text).toContain('$152 million');

    // The retry of the same event (Lambda's, or the next start-up's) finishes what the writer left.
    expect(await ingestObject(deps(reader), { key })).toMatchObject({ revision: 2 });
    const done = await visible(id);
    expect(done).toMatchObject({ revision: 2, listedFirst: 2, indexWholeOrAbsent: true });
    expect((await reader.getMeta(id))?.projectedRevision).toBe(2);
    const indexed = await reader.queryLatestFigures({ kind: 'money', limit: 1000 });
    expect(indexed.items.filter((f) => f.sheetId === id).length).toBeGreaterThan(0);
    expect((await reader.listRevisions(id, { limit: 10 })).items.map((h) => h.revision)).toEqual([2, 1]);
  });
});
