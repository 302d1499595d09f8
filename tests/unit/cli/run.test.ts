import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../cli/io';
import { runCli } from '../../../cli/run';
import { fixturePath } from '../../support/fixtures';

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function harness(respond: (call: Call) => { status: number; body?: unknown }) {
  const out: string[] = [];
  const err: string[] = [];
  const calls: Call[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
  };
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: String(url),
      headers: init.headers as Record<string, string>,
      body: init.body === undefined ? undefined : Buffer.from(init.body as Uint8Array).toString('utf8'),
    };
    calls.push(call);
    const { status, body } = respond(call);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { io, out, err, calls, run: (argv: string[]) => runCli(argv, io, fetchImpl) };
}

describe('CLI commands against a fake API', () => {
  it('lists sheets across pages as a table', async () => {
    const h = harness((call) =>
      call.url.includes('cursor=')
        ? {
            status: 200,
            body: {
              items: [
                {
                  id: 'chad',
                  latestRevision: 1,
                  country: 'Chad',
                  counts: { sections: 2, figures: 3 },
                  updatedAt: 't',
                  title: 'Chad',
                },
              ],
            },
          }
        : {
            status: 200,
            body: {
              items: [
                {
                  id: 'mali',
                  latestRevision: 2,
                  country: 'Mali',
                  counts: { sections: 9, figures: 40 },
                  updatedAt: 't',
                  title: 'Mali',
                },
              ],
              nextCursor: 'c1',
            },
          },
    );
    expect(await h.run(['list', '--api', 'http://api.test'])).toBe(0);
    expect(h.calls.map((c) => c.url)).toEqual([
      'http://api.test/sheets?limit=100',
      'http://api.test/sheets?limit=100&cursor=c1',
    ]);
    const text = h.out.join('');
    expect(text).toMatch(/^ID\s+REV\s+COUNTRY/);
    expect(text).toMatch(/mali\s+2\s+Mali\s+9\s+40/);
    expect(text).toMatch(/chad\s+1\s+Chad/);
  });

  it('uploads a file with its content type and the bearer token, and prints JSON on --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'Mali.html'), '<h1>U.S. Relations With Mali</h1>');
    const h = harness(() => ({
      status: 202,
      body: { id: 'mali', key: 'sources/mali.html', status: 'accepted' },
    }));
    expect(await h.run(['upload', join(dir, 'Mali.html'), '--token', 'tok', '--json'])).toBe(0);
    expect(h.calls[0]).toMatchObject({
      method: 'PUT',
      url: 'http://127.0.0.1:3000/sheets/mali/source',
      body: '<h1>U.S. Relations With Mali</h1>',
    });
    expect(h.calls[0]!.headers).toMatchObject({
      authorization: 'Bearer tok',
      'content-type': 'text/html; charset=utf-8',
    });
    expect(JSON.parse(h.out.join(''))).toMatchObject({
      id: 'mali',
      status: 'accepted',
      key: 'sources/mali.html',
    });
  });

  it('uploads every supported file of a folder with a progress bar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    writeFileSync(join(dir, 'a.txt'), 'a');
    writeFileSync(join(dir, 'b.html'), 'b');
    writeFileSync(join(dir, 'notes.md'), 'skip me');
    const h = harness((call) => ({ status: 202, body: { key: call.url } }));
    expect(await h.run(['upload', dir, '--token', 't'])).toBe(0);
    expect(h.calls.map((c) => c.url)).toEqual([
      'http://127.0.0.1:3000/sheets/a/source',
      'http://127.0.0.1:3000/sheets/b/source',
    ]);
    expect(h.err.join('')).toContain('2/2 b.html');
  });

  it('turns a problem+json error into one line on stderr and a non-zero exit', async () => {
    const h = harness(() => ({
      status: 404,
      body: { title: 'Not Found', status: 404, detail: 'Sheet "nope" does not exist', code: 'not-found' },
    }));
    expect(await h.run(['get', 'nope'])).toBe(1);
    expect(h.err).toEqual(['error: GET /sheets/nope failed: 404 Not Found: Sheet "nope" does not exist\n']);
    expect(h.out).toEqual([]);
  });

  it('refuses a write without a token before calling the API', async () => {
    const h = harness(() => ({ status: 200, body: {} }));
    expect(await h.run(['reprocess', 'mali'])).toBe(1);
    expect(h.calls).toEqual([]);
    expect(h.err.join('')).toMatch(/needs a write token: pass --token or set FACTSHEET_TOKEN/);
  });

  it('reprocesses every sheet with --all and passes diff revisions as query parameters', async () => {
    const h = harness((call) =>
      call.method === 'GET' && call.url.includes('/sheets?')
        ? { status: 200, body: { items: [{ id: 'a' }, { id: 'b' }] } }
        : call.url.includes('/diff')
          ? {
              status: 200,
              body: {
                from: 1,
                to: 3,
                sections: { added: [], removed: [], changed: [] },
                figures: { added: [], removed: [], changed: [] },
              },
            }
          : { status: 200, body: { status: 'reprocessed', revision: 2 } },
    );
    expect(await h.run(['reprocess', '--all', '--token', 't'])).toBe(0);
    expect(h.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      'http://127.0.0.1:3000/sheets/a/reprocess',
      'http://127.0.0.1:3000/sheets/b/reprocess',
    ]);
    expect(await h.run(['diff', 'a', '--from', '1', '--to', '3'])).toBe(0);
    expect(h.calls.at(-1)!.url).toBe('http://127.0.0.1:3000/sheets/a/diff?from=1&to=3');
    expect(h.out.join('')).toContain('(no differences)');
  });

  it('registers a source with a JSON body', async () => {
    const h = harness((call) => ({
      status: 201,
      body: { id: 'mali', url: JSON.parse(call.body!).url, lastStatus: 'pending' },
    }));
    expect(await h.run(['sources', 'add', 'mali', 'https://www.state.gov/mali', '--token', 't'])).toBe(0);
    expect(h.calls[0]).toMatchObject({
      method: 'PUT',
      url: 'http://127.0.0.1:3000/sources/mali',
      body: '{"url":"https://www.state.gov/mali"}',
    });
    expect(h.out.join('')).toMatch(/mali\s+yes\s+pending\s+-\s+https:\/\/www\.state\.gov\/mali/);
  });

  it('disables a source by re-registering its URL with enabled: false', async () => {
    const h = harness((call) =>
      call.method === 'GET'
        ? { status: 200, body: { id: 'mali', url: 'https://www.state.gov/mali', enabled: true } }
        : { status: 200, body: { id: 'mali', ...JSON.parse(call.body!), lastStatus: 'updated' } },
    );
    expect(await h.run(['sources', 'disable', 'mali', '--token', 't'])).toBe(0);
    expect(h.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET http://127.0.0.1:3000/sources/mali',
      'PUT http://127.0.0.1:3000/sources/mali',
    ]);
    expect(JSON.parse(h.calls[1]!.body!)).toEqual({ url: 'https://www.state.gov/mali', enabled: false });
    expect(h.out.join('')).toMatch(/mali\s+no\s+updated/);
  });

  it('answers unknown commands and missing arguments with a usage error (exit 2)', async () => {
    const h = harness(() => ({ status: 200 }));
    expect(await h.run(['frobnicate'])).toBe(2);
    expect(await h.run(['sources', 'add', 'mali'])).toBe(2);
    expect(h.err).toEqual([
      'error: unknown command "frobnicate" (try --help)\n',
      'error: missing URL: usage: factsheet sources add ID URL\n',
    ]);
  });
});

describe('parse command dispatch', () => {
  it('hands `parse FILE` to the parser command and prints the ParsedSheet JSON', async () => {
    const h = harness(() => ({ status: 500 }));
    expect(await h.run(['parse', fixturePath('sheets', 'mali.txt')])).toBe(0);
    const sheet = JSON.parse(h.out.join('')) as { id: string; country: string; figures: unknown[] };
    expect(sheet).toMatchObject({ id: 'mali', country: 'Mali' });
    expect(sheet.figures.length).toBeGreaterThan(10);
    expect(h.calls).toEqual([]);
  });
});
