/**
 * The editor CLI against the real local runtime (`npm start`'s entry as a child process): uploads followed
 * through the upload resource, every read and write command, and the messages a user sees when a flag or
 * an id is wrong. The CLI runs in-process (runCli with the real fetch), talking HTTP to the runtime.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../cli/io';
import { runCli } from '../../cli/run';
import { ROOT, type RuntimeProcess, startRuntimeProcess } from './runtime-process';

jest.setTimeout(90_000);

const NO_CONTENT = '<html><body><nav>Home</nav></body></html>';
const work = mkdtempSync(join(tmpdir(), 'factsheet-cli-e2e-'));
let runtime: RuntimeProcess;
let token = '';

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: { FACTSHEET_API: runtime.url, FACTSHEET_TOKEN: token, ...env },
  };
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

beforeAll(async () => {
  runtime = await startRuntimeProcess({ PORT: '0', DATA_DIR: join(work, 'data') });
  token = /Write token \(shown once, stored hashed\): (\S+)/.exec(runtime.stdout)?.[1] ?? '';
});

afterAll(async () => {
  if (runtime?.proc.exitCode === null) {
    runtime.proc.kill('SIGTERM');
    await runtime.exited;
  }
  rmSync(work, { recursive: true, force: true });
});

describe('CLI against the local runtime', () => {
  it('uploads a folder with --wait: published, unchanged, rejected with its reason, skipped with why', async () => {
    const folder = join(work, 'sheets');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    // mali.txt is the seed's bytes: unchanged. kenya-archive.html is new: published.
    cpSync(join(ROOT, 'fixtures/sheets/mali.txt'), join(folder, 'mali.txt'));
    cpSync(join(ROOT, 'fixtures/sheets/kenya-archive.html'), join(folder, 'kenya.html'));
    writeFileSync(join(folder, 'nocontent.html'), NO_CONTENT);
    writeFileSync(join(folder, 'notes.pdf'), '%PDF-1.4');
    writeFileSync(join(folder, 'picture.png'), 'png');

    const run = await cli(['upload', folder, '--wait', '--json']);
    expect(run.code).toBe(1);
    const rows = JSON.parse(run.stdout) as {
      id: string;
      status: string;
      revision?: number;
      error?: string;
      reason?: string;
    }[];
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId.mali).toMatchObject({ status: 'unchanged', revision: 1 });
    expect(byId.kenya).toMatchObject({ status: 'published', revision: 1 });
    expect(byId.nocontent).toMatchObject({ status: 'rejected', reason: 'no-content' });
    expect(byId.nocontent!.error).toMatch(/^rejected: no-content — \S/);
    expect(byId.notes).toMatchObject({ status: 'skipped', reason: 'not .txt or .html (.pdf)' });
    expect(byId.picture).toMatchObject({ status: 'skipped', reason: 'not .txt or .html (.png)' });
    expect(byId.nested).toMatchObject({ status: 'skipped', reason: 'a folder (uploads do not recurse)' });
    expect(run.stderr).toContain(`nocontent.html: ${byId.nocontent!.error}`);

    // The table keeps the whole message (no mid-message cut).
    const human = await cli(['upload', join(folder, 'nocontent.html'), '--wait']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(byId.nocontent!.error);
  });

  it('a single rejected new sheet ends with its reason; a good file exits 0', async () => {
    const bad = join(work, 'empty-page.html');
    writeFileSync(bad, NO_CONTENT);
    const rejected = await cli(['upload', bad, '--wait']);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/empty-page\.html: rejected: no-content — \S/);
    const good = await cli([
      'upload',
      join(ROOT, 'fixtures/sheets/mali-revised.txt'),
      '--id',
      'mali',
      '--wait',
    ]);
    expect([good.code, good.stderr]).toEqual([0, '']);
    expect(good.stdout).toMatch(/^mali\s+published\s+2/m);
  });

  it('reads uploads, one upload, revisions and one revision', async () => {
    const uploads = await cli(['uploads', 'mali', '--json']);
    const items = JSON.parse(uploads.stdout) as { uploadId: string; status: string }[];
    expect(items[0]).toMatchObject({ status: 'published' });
    const one = await cli(['upload-status', 'mali', items[0]!.uploadId]);
    expect([one.code, one.stdout]).toEqual([0, expect.stringContaining('published (revision 2)')]);

    const revisions = await cli(['revisions', 'mali', '--json']);
    expect((JSON.parse(revisions.stdout) as { revision: number }[]).map((r) => r.revision)).toEqual([2, 1]);
    const revision = await cli(['revision', 'mali', '1', '--json']);
    expect(JSON.parse(revision.stdout)).toMatchObject({ header: { revision: 1 }, sheet: { id: 'mali' } });
    expect((await cli(['revisions', 'mali'])).stdout).toMatch(/^REV\s+REASON/);
  });

  it('figures: one sheet by section with periods, and --all-sheets with the /figures filters', async () => {
    const sections = JSON.parse((await cli(['sections', 'mali', '--json'])).stdout) as { id: string }[];
    const withFigures = sections[1]!.id;
    const section = await cli(['get', 'mali', '--section', withFigures]);
    expect(section.code).toBe(0);
    expect(section.stdout).toContain(`[${withFigures}]`);
    const inSection = JSON.parse((await cli(['figures', 'mali', '--section', withFigures, '--json'])).stdout);
    expect(inSection.every((f: { sectionId: string }) => f.sectionId === withFigures)).toBe(true);

    const table = await cli(['figures', 'mali', '--kind', 'money']);
    expect(table.stdout).toMatch(/PERIOD/);
    expect(table.stdout).toMatch(/\bFY 20\d\d\b/);

    const all = await cli(['figures', '--all-sheets', '--kind', 'money', '--country', 'Mali', '--json']);
    const figures = JSON.parse(all.stdout) as { sheetId: string; kind: string }[];
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => f.sheetId === 'mali' && f.kind === 'money')).toBe(true);
    // kind is optional across sheets (GET /figures); a one-sheet filter there is a usage error.
    const everyKind = JSON.parse(
      (await cli(['figures', '--all-sheets', '--country', 'Mali', '--json'])).stdout,
    );
    expect(new Set(everyKind.map((f: { kind: string }) => f.kind)).size).toBeGreaterThan(1);
    const withSection = await cli(['figures', '--all-sheets', '--section', 'lead']);
    expect([withSection.code, withSection.stderr]).toEqual([2, expect.stringContaining('--section')]);
  });

  it('sources add, get and remove; health', async () => {
    const url = 'https://www.state.gov/u-s-relations-with-mali/';
    expect((await cli(['sources', 'add', 'mali', url])).code).toBe(0);
    expect(JSON.parse((await cli(['sources', 'get', 'mali', '--json'])).stdout)).toMatchObject({ url });
    const removed = await cli(['sources', 'remove', 'mali']);
    expect([removed.code, removed.stdout]).toEqual([0, 'removed source mali\n']);
    const gone = await cli(['sources', 'get', 'mali']);
    expect(gone.code).toBe(1);
    expect(JSON.parse((await cli(['health', '--json'])).stdout)).toMatchObject({ status: 'ok' });
  });

  it('clear messages: an API URL without http://, an upper-case id said once, per-command help', async () => {
    const bare = await cli(['list'], { FACTSHEET_API: '127.0.0.1:3201' });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe(
      'error: FACTSHEET_API "127.0.0.1:3201" is not an http(s) URL: it needs the scheme, e.g. http://127.0.0.1:3201\n',
    );
    const upper = await cli(['get', 'Mali']);
    expect(upper.code).toBe(1);
    const said = upper.stderr.match(/must be 1–64 characters/g) ?? [];
    expect(said).toHaveLength(1);

    const help = await cli(['figures', '--help']);
    expect(help.code).toBe(0);
    for (const option of [
      '--kind',
      '--section',
      '--all-sheets',
      '--fiscal-year',
      '--country',
      '--json',
      '--api',
    ]) {
      expect([option, help.stdout.includes(option)]).toEqual([option, true]);
    }
    expect(help.stdout).not.toContain('factsheet reprocess');
  });
});
