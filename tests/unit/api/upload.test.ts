import { createHash } from 'node:crypto';
import { inMemoryApi } from '../../support/api-harness';

describe('PUT /sheets/{id}/source', () => {
  it('stores a text/plain body at sources/{id}.txt and answers 202 with a Location to poll', async () => {
    const { call, blobs, conforms } = inMemoryApi();
    const res = await call('PUT', '/sheets/mali/source', {
      headers: { 'Content-Type': 'text/plain; charset=UTF-8' },
      body: 'U.S. Relations With Mali — $148 million',
    });
    expect(res.statusCode).toBe(202);
    const uploadId = createHash('sha256').update('U.S. Relations With Mali — $148 million').digest('hex');
    expect(res.headers.Location).toBe(`/sheets/mali/uploads/${uploadId}`);
    expect(res.headers['Cache-Control']).toBe('no-store');
    expect(res.json).toMatchObject({
      id: 'mali',
      uploadId,
      key: 'sources/mali.txt',
      status: 'accepted',
      location: `/sheets/mali/uploads/${uploadId}`,
    });
    expect(await conforms('/sheets/{id}/source', 'PUT', res)).toEqual([]);
    const stored = await blobs.get('sources/mali.txt');
    expect(Buffer.from(stored!.bytes).toString('utf8')).toBe('U.S. Relations With Mali — $148 million');
  });

  it('stores text/html at sources/{id}.html', async () => {
    const { call, blobs } = inMemoryApi();
    const res = await call('PUT', '/sheets/mali/source', {
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>Mali</h1>',
    });
    expect(res.statusCode).toBe(202);
    expect(await blobs.list('sources/')).toEqual(['sources/mali.html']);
  });

  it.each([
    ['no content type', {}, 'text', 415],
    ['application/json', { 'Content-Type': 'application/json' }, '{}', 415],
    ['latin-1 charset', { 'Content-Type': 'text/plain; charset=iso-8859-1' }, 'caf\u00e9', 415],
    ['an empty body', { 'Content-Type': 'text/plain' }, '', 422],
    ['only whitespace', { 'Content-Type': 'text/plain' }, '  \n ', 422],
    [
      'invalid UTF-8',
      { 'Content-Type': 'text/plain' },
      new Uint8Array([0x4d, 0x61, 0xff, 0xfe, 0x6c, 0x69]),
      422,
    ],
    ['NUL bytes (binary)', { 'Content-Type': 'text/plain' }, new Uint8Array([0x4d, 0x00, 0x61]), 422],
  ] as const)('refuses %s with problem+json and writes nothing', async (_label, headers, body, status) => {
    const { call, blobs, conforms } = inMemoryApi();
    const res = await call('PUT', '/sheets/mali/source', {
      headers: { ...headers },
      body: body as string | Uint8Array,
    });
    expect(res.statusCode).toBe(status);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(await conforms('/sheets/{id}/source', 'PUT', res)).toEqual([]);
    expect(await blobs.list('')).toEqual([]);
  });

  it('refuses a body over the size limit with 413 and writes nothing', async () => {
    const { call, blobs } = inMemoryApi({ maxSourceBytes: 1024 });
    const res = await call('PUT', '/sheets/mali/source', {
      headers: { 'Content-Type': 'text/plain' },
      body: 'x'.repeat(1025),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(await blobs.list('')).toEqual([]);
  });

  it('refuses a bad sheet id with 400 naming id and writes nothing', async () => {
    const { call, blobs } = inMemoryApi();
    const res = await call('PUT', '/sheets/..%2Fescape/source', {
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json).toMatchObject({ parameter: 'id' });
    expect(await blobs.list('')).toEqual([]);
  });
});
