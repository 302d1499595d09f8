/**
 * GET /console and /console/{asset} over a real esbuild build of console/src: the strict CSP, no inline
 * script or style, hashed names with immutable caching, 404 problems for any other name, and the directory
 * the Lambda asset carries (CONSOLE_DIR) as well as the in-memory build the local runtime uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole, writeConsole } from '../../../console/build';
import { createApi } from '../../../shared/api/app';
import { provideConsole } from '../../../shared/api/console-files';
import type { ApiRequest, ApiResponse } from '../../../shared/api/http';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySheetRepository } from '../../support/fakes/memory-sheets';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function get(path: string): ApiRequest {
  return { method: 'GET', path, headers: {}, query: {} };
}

function api(onServerError?: (err: unknown) => void) {
  return createApi({
    sheets: new InMemorySheetRepository(),
    blobs: new InMemoryBlobStore(),
    readMaxAgeSeconds: 5,
    maxSourceBytes: 1,
    onServerError,
  });
}

const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="console\/([^"]+)"/g)].map((m) => m[1]!);
const text = (res: ApiResponse) => String(res.body);

describe('the console served from an in-memory build (the local runtime)', () => {
  beforeAll(() => provideConsole(buildConsole));
  afterAll(() => provideConsole(undefined));

  it('serves the page with the strict CSP, no inline script or style, revalidated on every load', async () => {
    const res = await api()(get('/console'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(res.headers['Content-Security-Policy']).toBe(CSP);
    expect(res.headers['Cache-Control']).toBe('no-cache');
    expect(res.headers.ETag).toMatch(/^"/);
    const html = text(res);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(assetsOf(html)).toEqual([
      expect.stringMatching(/^styles-[A-Z0-9]{8}\.css$/),
      expect.stringMatching(/^main-[A-Z0-9]{8}\.js$/),
    ]);
  });

  it('serves each hashed asset with its type and a one-year immutable cache', async () => {
    const handler = api();
    const [css, js] = assetsOf(text(await handler(get('/console'))));
    const script = await handler(get(`/console/${js}`));
    expect(script.statusCode).toBe(200);
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(text(script).length).toBeGreaterThan(1000);
    const style = await handler(get(`/console/${css}`));
    expect(style.headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect(text(style)).toContain('focus-visible');
  });

  it.each([
    ['an unknown hashed name', '/console/main-AAAAAAAA.js', 404],
    ['an Object.prototype name', '/console/constructor.js', 404],
    ['a name that is not a script or stylesheet', '/console/manifest.json', 400],
    ['an encoded path traversal', '/console/..%2Fpackage.json', 400],
    ['a dot file', '/console/.manifest.js', 400],
  ])('answers %s with a problem, never a file', async (_label, path, status) => {
    const res = await api()(get(path));
    expect(res.statusCode).toBe(status);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(JSON.parse(text(res))).toMatchObject({ status });
  });
});

describe('the console served from a directory (the Lambda asset)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-dir-'));
  afterAll(() => {
    delete process.env.CONSOLE_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the manifest and files CONSOLE_DIR names', async () => {
    const manifest = await writeConsole(dir);
    process.env.CONSOLE_DIR = dir;
    const handler = api();
    const page = await handler(get('/console'));
    expect(assetsOf(text(page))).toEqual([manifest.stylesheet, manifest.script]);
    expect((await handler(get(`/console/${manifest.script}`))).statusCode).toBe(200);
  });

  it('answers 500 (and reports the cause) when the directory holds no build', async () => {
    const errors: unknown[] = [];
    process.env.CONSOLE_DIR = join(dir, 'missing');
    jest.resetModules();
    const fresh = jest.requireActual<typeof import('../../../shared/api/app')>('../../../shared/api/app');
    const res = await fresh.createApi({
      sheets: new InMemorySheetRepository(),
      blobs: new InMemoryBlobStore(),
      readMaxAgeSeconds: 5,
      maxSourceBytes: 1,
      onServerError: (err) => errors.push(err),
    })(get('/console'));
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(text(res))).toMatchObject({ status: 500 });
    expect(String(errors[0])).toContain('The console is not built');
  });
});
