/**
 * Every local listener but the API refuses browsers (infra/local/refuse-browsers.ts): the attacks a web
 * page on the developer's machine could make with the port, each a 403 that changes nothing, while the SDK
 * keeps working against the same listener.
 */

import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { type EventBusEndpoint, startEventBusEndpoint } from '../../infra/local/event-bus-endpoint';
import { type LambdaEndpoint, startLambdaEndpoint } from '../../infra/local/lambda-endpoint';
import { s3Client } from '../../shared/aws/clients';
import { createTestResources, type TestResources } from '../support/resources';

const EVIL = 'http://evil.example';
let resources: TestResources;

async function objectText(key: string): Promise<string> {
  const got = await s3Client().send(new GetObjectCommand({ Bucket: resources.bucketName, Key: key }));
  return got.Body!.transformToString();
}

/** The issue's `curl -H 'Origin: …' -F key=… -F file=@x.txt http://127.0.0.1:PORT/BUCKET`. */
function formPost(key: string, headers: Record<string, string>) {
  const form = new FormData();
  form.append('key', key);
  form.append('file', new Blob(['U.S. Relations With Mali\n\nThe attacker says $9 billion.']), 'x.txt');
  return fetch(`${process.env.AWS_ENDPOINT_URL_S3}/${resources.bucketName}`, {
    method: 'POST',
    body: form,
    headers,
  });
}

beforeAll(async () => {
  resources = await createTestResources('browsers');
  for (const key of ['sources/mali.txt', 'archive/mali/abc.txt']) {
    await s3Client().send(
      new PutObjectCommand({ Bucket: resources.bucketName, Key: key, Body: 'the real bytes' }),
    );
  }
});

describe('s3rver refuses browsers', () => {
  it.each(['sources/mali.txt', 'archive/mali/abc.txt'])(
    'a form POST with Origin to %s → 403, the object unchanged',
    async (key) => {
      const res = await formPost(key, { Origin: EVIL });
      expect(res.status).toBe(403);
      expect(await objectText(key)).toBe('the real bytes');
    },
  );

  it('a form POST a browser sends without Origin (Sec-Fetch headers) → 403', async () => {
    const res = await formPost('sources/mali.txt', {
      'Sec-Fetch-Mode': 'navigate',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(res.status).toBe(403);
    expect(await objectText('sources/mali.txt')).toBe('the real bytes');
  });

  it('a CORS preflight → 403 without Access-Control-Allow-Origin', async () => {
    const res = await fetch(`${process.env.AWS_ENDPOINT_URL_S3}/${resources.bucketName}/sources/mali.txt`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'PUT' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still serves the SDK (the same form POST without browser headers is what s3rver accepts)', async () => {
    const res = await formPost('sources/sdk-like.txt', {});
    expect(res.status).toBeLessThan(300);
    expect(await objectText('sources/sdk-like.txt')).toContain('$9 billion');
  });
});

describe('the local Lambda endpoint refuses browsers', () => {
  let endpoint: LambdaEndpoint;
  const calls: unknown[] = [];

  beforeAll(async () => {
    endpoint = await startLambdaEndpoint({
      ingest: (async (event: unknown) => {
        calls.push(event);
        return { ok: true };
      }) as never,
    });
  });
  afterAll(() => endpoint.close());

  it('POST /2015-03-31/functions/ingest/invocations with Origin → 403, ingest never runs', async () => {
    const res = await fetch(`${endpoint.url}/2015-03-31/functions/ingest/invocations`, {
      method: 'POST',
      headers: { Origin: EVIL, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ type: 'reprocess', id: 'mali', force: true }),
    });
    expect(res.status).toBe(403);
    const preflight = await fetch(`${endpoint.url}/2015-03-31/functions/ingest/invocations`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('still serves the SDK LambdaClient', async () => {
    const client = new LambdaClient({ endpoint: endpoint.url, region: 'us-east-1' });
    const out = await client.send(
      new InvokeCommand({
        FunctionName: 'ingest',
        Payload: JSON.stringify({ type: 'reprocess', id: 'mali' }),
      }),
    );
    expect(JSON.parse(Buffer.from(out.Payload!).toString('utf8'))).toEqual({ ok: true });
    expect(calls).toEqual([{ type: 'reprocess', id: 'mali' }]);
  });
});

describe('the local EventBridge endpoint refuses browsers', () => {
  let endpoint: EventBusEndpoint;
  const delivered: string[] = [];
  const putEvents = JSON.stringify({
    Entries: [
      {
        Source: 'factsheet.pipeline',
        DetailType: 'sheet.upload.rejected',
        Detail: '{}',
        EventBusName: 'bus',
      },
    ],
  });

  beforeAll(async () => {
    endpoint = await startEventBusEndpoint({
      busName: 'bus',
      region: 'us-east-1',
      deliver: async (envelope) => delivered.push(envelope),
    });
  });
  afterAll(() => endpoint.close());

  it('a PutEvents POST with Origin, or a preflight → 403, and nothing is queued', async () => {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { Origin: EVIL, 'Content-Type': 'text/plain', 'X-Amz-Target': 'AWSEvents.PutEvents' },
      body: putEvents,
    });
    expect(res.status).toBe(403);
    const preflight = await fetch(endpoint.url, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(delivered).toEqual([]);
  });

  it('still takes the same PutEvents without browser headers', async () => {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSEvents.PutEvents' },
      body: putEvents,
    });
    expect(res.status).toBe(200);
    expect(delivered).toHaveLength(1);
  });
});
