/**
 * The preview route's own checks, over in-memory stores with a stand-in for the ingest invocation: the
 * upload route's body checks, the Lambda invoke limit (413 before invoking), a preview too large to
 * return (413 naming it), refusals as 422 with ingest's reason, and a 200 that matches the document.
 */
import { createApi } from '../../../shared/api/app';
import type { ApiRequest } from '../../../shared/api/http';
import { InvalidSourceError } from '../../../shared/errors';
import { PARSER_VERSION, parseSheet } from '../../../shared/index';
import type { PreviewRequest, SheetPreview } from '../../../shared/pipeline/preview';
import { MAX_PREVIEW_SOURCE_BYTES } from '../../../shared/pipeline/preview-limits';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';
import { responseChecker } from '../../support/openapi-support';
import { fixture } from '../../support/pipeline-deps';

const MALI = fixture('sheets/mali.txt');

function previewOf(request: PreviewRequest, text?: string): SheetPreview {
  const sheet = parseSheet(request.bytes, { id: request.id, contentType: request.contentType });
  return {
    id: request.id,
    uploadId: 'a'.repeat(64),
    parserVersion: PARSER_VERSION,
    latestRevision: null,
    unchanged: false,
    sheet: {
      ...sheet,
      ...(text !== undefined && { text }),
      figures: sheet.figures.map((f, i) => ({ ...f, key: `r1-${i + 1}` })),
    },
    diff: null,
  };
}

function setup(
  preview: (request: PreviewRequest) => Promise<SheetPreview>,
  maxSourceBytes = 2 * 1024 * 1024,
) {
  const calls: PreviewRequest[] = [];
  const api = createApi({
    sheets: new InMemorySheetRepository(),
    blobs: new InMemoryBlobStore(),
    readMaxAgeSeconds: 5,
    maxSourceBytes,
    preview: (request) => {
      calls.push(request);
      return preview(request);
    },
  });
  async function post(body: Uint8Array, contentType = 'text/plain; charset=utf-8') {
    const request: ApiRequest = {
      method: 'POST',
      path: '/sheets/mali/preview',
      headers: { 'content-type': contentType, authorization: 'Bearer t' },
      query: {},
      body,
    };
    const response = await api(request);
    return { ...response, json: JSON.parse(String(response.body)) };
  }
  return { api, calls, post };
}

describe('POST /sheets/{id}/preview (route)', () => {
  it('answers the invocation’s preview as 200 JSON matching the SheetPreview schema, never cached', async () => {
    const { api, calls, post } = setup(async (request) => previewOf(request));
    const res = await post(MALI);
    expect(res.statusCode).toBe(200);
    expect(res.headers['Cache-Control']).toBe('no-store');
    expect(calls).toEqual([{ id: 'mali', contentType: 'text/plain', bytes: expect.any(Uint8Array) }]);
    expect(Buffer.from(calls[0]!.bytes)).toEqual(MALI);
    const doc = await api({ method: 'GET', path: '/openapi.json', headers: {}, query: {} });
    const check = responseChecker(JSON.parse(String(doc.body)));
    expect(check('/sheets/{id}/preview', 'POST', 200, 'application/json', res.json)).toEqual([]);
  });

  it('a refusal from ingest is 422 with its reason, documented as a problem', async () => {
    const { post } = setup(async () => {
      throw new InvalidSourceError(
        'too-many-figures',
        'The source has 20001 figures; one sheet may hold at most 20000.',
      );
    });
    const res = await post(MALI);
    expect(res.statusCode).toBe(422);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({
      status: 422,
      reason: 'too-many-figures',
      detail: expect.stringMatching(/20001/),
    });
  });

  it('a body over the Lambda invoke limit is 413 before any invocation, even when uploads allow it', async () => {
    const { calls, post } = setup(async (request) => previewOf(request), 10 * 1024 * 1024);
    const res = await post(new Uint8Array(MAX_PREVIEW_SOURCE_BYTES + 1).fill(0x61));
    expect(res.statusCode).toBe(413);
    expect(res.json.detail).toMatch(/a preview takes at most \d+ .*6 MB.*PUT \/sheets\/\{id\}\/source/);
    expect(calls).toEqual([]);
  });

  it('shares the upload route’s checks: size limit 413, content type 415, empty 422 — none invoked', async () => {
    const { calls, post } = setup(async (request) => previewOf(request), 1024);
    expect((await post(new Uint8Array(1025).fill(0x61))).statusCode).toBe(413);
    expect((await post(MALI, 'application/pdf')).statusCode).toBe(415);
    const empty = await post(new Uint8Array());
    expect([empty.statusCode, empty.json.reason]).toEqual([422, 'empty']);
    expect(calls).toEqual([]);
  });

  it('a preview too large for one response is 413 saying so, not a gateway error', async () => {
    const { post } = setup(async (request) => previewOf(request, 'x'.repeat(6 * 1024 * 1024)));
    const res = await post(MALI);
    expect(res.statusCode).toBe(413);
    expect(res.json.detail).toMatch(
      /^The preview would be 6\.\d MB; one response carries at most 5\.5 MB \(\d+ sections/,
    );
  });
});
