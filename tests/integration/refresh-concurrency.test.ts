/**
 * 20 registered sources refreshed by the real handler (default concurrency from configuration): the origin
 * never sees more than 4 requests in flight, and every source is still refreshed.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { registerSource } from '../../shared/pipeline/sources';
import { DynamoSourceRepository } from '../../shared/store/dynamo-sources';
import { scheduledEventFixture } from '../support/refresh-fixtures';
import { createTestResources } from '../support/resources';
import { startTestOrigin, type TestOrigin } from '../support/test-origin';

const SOURCES = 20;
let origin: TestOrigin;
let bucketName: string;

beforeAll(async () => {
  ({ bucketName } = await createTestResources('refresh-conc'));
  process.env.ALLOWED_HOSTS = '127.0.0.1';
  process.env.ALLOW_PRIVATE_ADDRESSES = 'true';
  delete process.env.REFRESH_CONCURRENCY;
  origin = await startTestOrigin();
  const sources = new DynamoSourceRepository(documentClient(), process.env.TABLE_NAME!);
  const policy = {
    allowedHosts: ['127.0.0.1'],
    allowPrivateAddresses: true,
    timeoutMs: 1,
    maxBytes: 1,
    maxRedirects: 0,
  };
  for (let i = 0; i < SOURCES; i++) {
    const path = `/sheet-${i}`;
    // Each answer is held briefly so that overlapping requests are observable at the origin.
    origin.route(path, (_req, res) => {
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'text/plain' }).end(`Fact sheet number ${i}.`),
        50,
      );
    });
    await registerSource({ sources, policy }, `sheet-${String(i).padStart(2, '0')}`, `${origin.base}${path}`);
  }
});

afterAll(() => origin.close());

describe('refresh concurrency', () => {
  it('keeps at most 4 requests in flight at the origin and refreshes all 20 sources', async () => {
    const { handler } = require('../../functions/refresh') as {
      handler: (event: unknown) => Promise<unknown>;
    };

    const summary = (await handler(scheduledEventFixture())) as {
      checked: number;
      updated: number;
      failed: number;
    };

    expect(summary).toMatchObject({ checked: SOURCES, updated: SOURCES, failed: 0 });
    expect(origin.requests).toHaveLength(SOURCES);
    expect(origin.maxInFlight()).toBeLessThanOrEqual(4);
    expect(origin.maxInFlight()).toBeGreaterThan(1);
    const listed = await s3Client().send(
      new ListObjectsV2Command({ Bucket: bucketName, Prefix: 'sources/' }),
    );
    expect(listed.KeyCount).toBe(SOURCES);
  });
});
