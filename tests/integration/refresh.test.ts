/**
 * The refresh end to end: a real HTTP origin on 127.0.0.1, the real refresh handler, s3rver and dynalite,
 * and the real ingest handler turning the written `sources/` object into revisions.
 */
import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { registerSource } from '../../shared/pipeline/sources';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { DynamoSourceRepository } from '../../shared/store/dynamo-sources';
import { scheduledEventFixture, servedSheet } from '../support/refresh-fixtures';
import { createTestResources, testDocuments } from '../support/resources';
import { putEvent } from '../support/s3-events';
import { startTestOrigin, type TestOrigin } from '../support/test-origin';

type Handler = (event: unknown, context?: unknown) => Promise<unknown>;

function loadHandler(path: string): Handler {
  return (require(path) as { handler: Handler }).handler;
}

const sheet = servedSheet();
let origin: TestOrigin;
let bucketName: string;
let sources: DynamoSourceRepository;
let sheets: DynamoSheetRepository;
let refresh: Handler;
let ingest: Handler;
let sourcePuts: string[];

/** What the origin serves at /mali; tests change it between runs. */
const served = { body: sheet.body, validators: true };
const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

beforeAll(async () => {
  ({ bucketName } = await createTestResources('refresh-e2e'));
  process.env.ALLOWED_HOSTS = '127.0.0.1';
  process.env.ALLOW_PRIVATE_ADDRESSES = 'true';
  origin = await startTestOrigin();
  origin.route('/mali', (req, res) => {
    const etag = etagOf(served.body);
    if (served.validators && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    const headers: Record<string, string> = { 'content-type': `${sheet.contentType}; charset=utf-8` };
    if (served.validators) {
      headers.etag = etag;
      headers['last-modified'] = 'Wed, 01 Jan 2025 00:00:00 GMT';
    }
    res.writeHead(200, headers).end(served.body);
  });
  sources = new DynamoSourceRepository(documentClient(), process.env.TABLE_NAME!);
  sheets = new DynamoSheetRepository(documentClient(), process.env.TABLE_NAME!, {
    documents: testDocuments(),
  });
  // Loaded after the environment above is set, as Lambda would load them in a configured function.
  refresh = loadHandler('../../functions/refresh');
  ingest = loadHandler('../../functions/ingest');
  await registerSource(
    {
      sources,
      policy: {
        allowedHosts: ['127.0.0.1'],
        allowPrivateAddresses: true,
        timeoutMs: 1,
        maxBytes: 1,
        maxRedirects: 0,
      },
    },
    'mali',
    `${origin.base}/mali`,
  );
  // Every object the pipeline writes under sources/ goes through this client: count those writes.
  const client = s3Client();
  const send = client.send.bind(client);
  jest.spyOn(client, 'send').mockImplementation(((command: unknown, ...rest: unknown[]) => {
    if (command instanceof PutObjectCommand && command.input.Key?.startsWith('sources/')) {
      sourcePuts.push(command.input.Key);
    }
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof client.send);
});

beforeEach(() => {
  sourcePuts = [];
  origin.resetCounters();
});

afterAll(async () => {
  jest.restoreAllMocks();
  await origin.close();
});

async function runRefresh() {
  return (await refresh(scheduledEventFixture())) as {
    checked: number;
    updated: number;
    unchanged: number;
    failed: number;
  };
}

async function ingestWritten(): Promise<void> {
  const key = `sources/mali.${sheet.extension}`;
  await ingest(putEvent(bucketName, key), {});
}

describe('scheduled refresh of a registered source', () => {
  it('first refresh writes the source object and ingest publishes revision 1', async () => {
    const summary = await runRefresh();
    expect(summary).toMatchObject({ checked: 1, updated: 1, unchanged: 0, failed: 0 });
    expect(sourcePuts).toEqual([`sources/mali.${sheet.extension}`]);
    await ingestWritten();
    expect((await sheets.getMeta('mali'))?.latestRevision).toBe(1);
    expect(await sources.get('mali')).toMatchObject({
      etag: etagOf(sheet.body),
      lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
      contentHash: createHash('sha256').update(sheet.body).digest('hex'),
      lastStatus: 'updated',
    });
  });

  it('second refresh is answered 304: no S3 write, no new revision', async () => {
    const summary = await runRefresh();
    expect(summary).toMatchObject({ checked: 1, unchanged: 1, updated: 0 });
    expect(origin.requests[0]?.headers['if-none-match']).toBe(etagOf(sheet.body));
    expect(origin.requests[0]?.headers['if-modified-since']).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    expect(sourcePuts).toEqual([]);
    expect((await sheets.getMeta('mali'))?.latestRevision).toBe(1);
    expect((await sources.get('mali'))?.lastStatus).toBe('unchanged');
  });

  it('changed content at the origin becomes revision 2', async () => {
    served.body = sheet.revised;
    const summary = await runRefresh();
    expect(summary).toMatchObject({ checked: 1, updated: 1 });
    expect(sourcePuts).toHaveLength(1);
    await ingestWritten();
    expect((await sheets.getMeta('mali'))?.latestRevision).toBe(2);
  });

  it('a 200 with the same bytes and no ETag writes nothing and forgets the old ETag', async () => {
    served.validators = false;
    const summary = await runRefresh();
    expect(summary).toMatchObject({ checked: 1, unchanged: 1, updated: 0 });
    expect(origin.hits.get('/mali')).toBe(1);
    expect(sourcePuts).toEqual([]);
    expect((await sheets.getMeta('mali'))?.latestRevision).toBe(2);
    const after = await sources.get('mali');
    expect(after?.etag).toBeUndefined();
    expect(after?.lastStatus).toBe('unchanged');
  });

  it('refuses an event that is not a scheduled event, fetching nothing', async () => {
    await expect(refresh({ Records: [] })).rejects.toThrow(/not a scheduled event/);
    expect(origin.requests).toHaveLength(0);
  });
});
