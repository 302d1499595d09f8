import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  proxyResultFromResponse,
  type RestProxyEventLike,
  requestFromProxyEvent,
} from '../../../shared/api/proxy-event';
import { inMemoryApi } from '../../support/api-harness';
import { fixturePath } from '../../support/fixtures';
import { sampleSheet } from '../../support/sample-sheet';

function fixture(name: string): RestProxyEventLike {
  return JSON.parse(readFileSync(fixturePath('events/apigateway', name), 'utf8'));
}

describe('REST proxy events', () => {
  it("AWS's sample proxy event (placeholders filled) becomes the request it describes", () => {
    const request = requestFromProxyEvent(fixture('AwsProxy.json'));
    expect(request).toMatchObject({ method: 'GET', path: '/sheets/mali/figures', basePath: '/prod' });
    expect(request.query).toEqual({ kind: ['money'] });
    expect(request.headers['user-agent']).toBe('Custom User Agent String');
    expect(Buffer.from(request.body!).toString()).toBe('{"test":"body"}');
  });

  it('the sample event routes to GET /sheets/{id}/figures', async () => {
    const { api, sheets } = inMemoryApi();
    await sheets.publishRevision({
      sheet: sampleSheet('mali'),
      archiveKey: 'archive/mali/1.txt',
      reason: 'upload',
      diff: null,
      expectedLatest: 0,
    });
    const result = proxyResultFromResponse(await api(requestFromProxyEvent(fixture('AwsProxy.json'))));
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(JSON.parse(result.body)).toMatchObject({ sheetId: 'mali', items: [{ kind: 'money' }] });
  });

  it('an upload event carries its base64 body byte for byte and links under the stage', async () => {
    const { api, blobs } = inMemoryApi();
    const event = fixture('put-source.json');
    const result = proxyResultFromResponse(await api(requestFromProxyEvent(event)));
    expect(result.statusCode).toBe(202);
    const uploadId = createHash('sha256')
      .update(Buffer.from(String(event.body), 'base64'))
      .digest('hex');
    expect(result.headers.Location).toBe(`/prod/sheets/mali/uploads/${uploadId}`);
    const stored = await blobs.get('sources/mali.txt');
    expect(Buffer.from(stored!.bytes).toString('base64')).toBe(event.body);
  });

  it('binary responses are base64-encoded for API Gateway', () => {
    const result = proxyResultFromResponse({ statusCode: 200, headers: {}, body: new Uint8Array([0, 255]) });
    expect(result).toMatchObject({ isBase64Encoded: true, body: 'AP8=' });
  });

  it('multiValueHeaders keep every value; single headers fill the gaps', () => {
    const request = requestFromProxyEvent({
      httpMethod: 'GET',
      path: '/sheets',
      headers: { Accept: 'application/json', 'X-Only': 'one' },
      multiValueHeaders: { Accept: ['application/json', 'text/html'] },
    });
    expect(request.headers.accept).toBe('application/json, text/html');
    expect(request.headers['x-only']).toBe('one');
  });
});
