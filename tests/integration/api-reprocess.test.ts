/**
 * POST /sheets/{id}/reprocess through the api handler → the real LambdaClient → the local Lambda endpoint →
 * the real ingest handler, on the emulators: the api no longer parses, yet the HTTP contract is unchanged.
 */
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { handler as api } from '../../functions/api';
import { handler as ingest } from '../../functions/ingest';
import type { LambdaEndpoint } from '../../infra/local/lambda-endpoint';
import { documentClient, lambdaClient, s3Client } from '../../shared/aws/clients';
import { lambdaReprocess, ReprocessInvocationError } from '../../shared/aws/reprocess-client';
import { InvalidSourceError, NotFoundError, ValidationError } from '../../shared/errors';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { META_SK, sheetPk } from '../../shared/store/keys';
import { KEY } from '../../shared/store/table-definition';
import { startIngestEndpoint } from '../support/ingest-endpoint';
import { fixture } from '../support/pipeline-deps';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';
import { putEvent } from '../support/s3-events';

let resources: TestResources;
let endpoint: LambdaEndpoint;
let sheets: DynamoSheetRepository;

async function upload(id: string, name: string) {
  const key = `sources/${id}.txt`;
  await s3Client().send(
    new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: fixture(name) }),
  );
  const result = await ingest(putEvent(resources.bucketName, key));
  expect(result.outcomes[0]).toMatchObject({ status: 'published' });
}

/** Pretends the sheet was parsed by an older parser, so a plain reprocess publishes. */
async function markStale(id: string) {
  await documentClient().send(
    new UpdateCommand({
      TableName: resources.tableName,
      Key: { [KEY.pk]: sheetPk(id), [KEY.sk]: META_SK },
      UpdateExpression: 'SET parserVersion = :old',
      ExpressionAttributeValues: { ':old': '0.0.0-old' },
    }),
  );
}

async function reprocess(id: string) {
  const result = (await api(
    proxyEvent('POST', `/sheets/${id}/reprocess`, { headers: { Authorization: 'Bearer t' } }),
  )) as APIGatewayProxyResult;
  return { status: result.statusCode, json: JSON.parse(result.body), headers: result.headers ?? {} };
}

async function archiveKeyOf(id: string): Promise<string> {
  const meta = await sheets.getMeta(id);
  const revision = await sheets.getRevision(id, meta?.latestRevision ?? 0);
  if (!revision) throw new Error(`${id} has no revision`);
  return revision.header.archiveKey;
}

beforeAll(async () => {
  resources = await createTestResources('reprocess');
  endpoint = await startIngestEndpoint();
  sheets = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
  await upload('mali', 'sheets/mali.txt');
});

afterAll(() => endpoint.close());

describe('reprocess through the api → Lambda invoke → ingest', () => {
  it('a stale parser version publishes a new revision with reason reprocess', async () => {
    await markStale('mali');
    const res = await reprocess('mali');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'mali', status: 'published', revision: 2 });
    const revisions = await sheets.listRevisions('mali', { limit: 10 });
    expect(revisions.items.map((r) => [r.revision, r.reason])).toEqual([
      [2, 'reprocess'],
      [1, 'upload'],
    ]);
    // Parsed again by the current parser: the stale marker is gone, so a second call is a no-op.
    expect((await reprocess('mali')).json).toMatchObject({ status: 'unchanged', revision: 2 });
  });

  it('force (a direct invocation) publishes even with the current parser', async () => {
    const remote = lambdaReprocess(lambdaClient(), 'ingest');
    await expect(remote('mali', { force: true })).resolves.toEqual({ status: 'published', revision: 3 });
    expect((await sheets.getMeta('mali'))?.latestRevision).toBe(3);
  });

  it('unknown sheet → 404 problem from the api, NotFoundError from ingest itself', async () => {
    const res = await reprocess('nope');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ status: 404, code: 'not-found' });
    await expect(lambdaReprocess(lambdaClient(), 'ingest')('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a missing archive → 409 problem, and the sheet keeps serving its revision', async () => {
    await upload('gone', 'sheets/mali.txt');
    const archiveKey = await archiveKeyOf('gone');
    await s3Client().send(new DeleteObjectCommand({ Bucket: resources.bucketName, Key: archiveKey }));
    await markStale('gone');
    const res = await reprocess('gone');
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ status: 409, code: 'conflict' });
    expect(res.json.detail).toContain(archiveKey);
    expect((await sheets.getMeta('gone'))?.latestRevision).toBe(1);
  });

  // The parser refusing a genuine archive is covered in tests/unit/pipeline/ingest-events.test.ts: here
  // the object is overwritten in S3 directly, which reprocess must refuse before parsing it.
  it('an archive whose bytes are not its hash → 422 problem (archive-mismatch), nothing published', async () => {
    await upload('emptied', 'sheets/mali.txt');
    const archiveKey = await archiveKeyOf('emptied');
    await s3Client().send(
      new PutObjectCommand({ Bucket: resources.bucketName, Key: archiveKey, Body: new Uint8Array() }),
    );
    await markStale('emptied');
    const res = await reprocess('emptied');
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ status: 422, code: 'invalid-source' });
    const err = await lambdaReprocess(lambdaClient(), 'ingest')('emptied').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidSourceError);
    expect((err as InvalidSourceError).reason).toBe('archive-mismatch');
    expect((await sheets.getMeta('emptied'))?.latestRevision).toBe(1);
  });

  it('a bad payload is a validation refusal from ingest, not a function error', async () => {
    const raw = await lambdaClient().send(
      new InvokeCommand({
        FunctionName: 'ingest',
        Payload: new TextEncoder().encode(JSON.stringify({ type: 'reprocess', id: 'Bad_Id', extra: 1 })),
      }),
    );
    expect(raw.FunctionError).toBeUndefined();
    const body = JSON.parse(new TextDecoder().decode(raw.Payload));
    expect(body).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(body.error.message).toMatch(/id/);
    await expect(lambdaReprocess(lambdaClient(), 'ingest')('Bad_Id')).rejects.toBeInstanceOf(ValidationError);
  });

  it('an unknown function name is a clear invocation error, not a domain answer', async () => {
    const err = await lambdaReprocess(lambdaClient(), 'nosuch')('mali').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReprocessInvocationError);
    expect((err as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
