import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '../../../cli/commands/parse';
import type { ParsedSheet } from '../../../shared/index';

const PROSE = 'The United States and Chile work together on trade, health and security.';

async function run(args: string[], tty = false) {
  let stdout = '';
  let stderr = '';
  const code = await parseCommand(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty },
  });
  return { code, stdout, stderr };
}

describe('factsheet parse, many files', () => {
  let dir: string;
  let src: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parse-batch-'));
    src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(
      join(src, 'chile.txt'),
      `U.S. Relations With Chile\n\nBureau of Western Hemisphere Affairs\nFact Sheet\nMay 5, 2016\n\n${PROSE}`,
    );
    writeFileSync(
      join(src, 'peru.html'),
      `<html><body><main><h1>U.S. Relations With Peru</h1><p>${PROSE}</p></main></body></html>`,
    );
    writeFileSync(join(src, 'blank.txt'), ' \n\t\n');
    writeFileSync(join(src, 'notes.md'), '# not a sheet');
    mkdirSync(join(src, 'nested'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses a folder into one JSON per file, reports the failure by file and goes on (exit 1)', async () => {
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await run([src, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['chile.json', 'peru.json']);
    const chile = JSON.parse(readFileSync(join(out, 'chile.json'), 'utf8')) as ParsedSheet;
    expect(chile).toMatchObject({
      id: 'chile',
      title: 'U.S. Relations With Chile',
      publishedOn: '2016-05-05',
    });
    const peru = JSON.parse(readFileSync(join(out, 'peru.json'), 'utf8')) as ParsedSheet;
    expect(peru).toMatchObject({ id: 'peru', contentType: 'text/html' });
    expect(stderr).toContain(`error: ${join(src, 'blank.txt')}: The source is empty`);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(`parsed 2/3 files into ${out}; 1 failed`);
  });

  it('takes several FILE arguments, a missing one failing alone, and exits 0 when all parse', async () => {
    const out = join(dir, 'out');
    const mixed = await run([join(src, 'chile.txt'), join(src, 'gone.txt'), '--out', out]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain(`error: ${join(src, 'gone.txt')}: cannot read: no such file`);
    expect(existsSync(join(out, 'chile.json'))).toBe(true);
    const ok = await run([join(src, 'chile.txt'), join(src, 'peru.html'), '--out', join(dir, 'ok')]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe(`parsed 2/2 files into ${join(dir, 'ok')}\n`);
  });

  it('shows a live progress line on a terminal', async () => {
    const { stderr } = await run([src, '--out', join(dir, 'out')], true);
    expect(stderr).toContain('\r\x1b[Kparsed 1/3');
    expect(stderr).toContain('parsed 3/3 (1 failed)');
  });

  it('refuses a second input with the same name instead of overwriting its JSON', async () => {
    writeFileSync(join(dir, 'chile.txt'), PROSE);
    const { code, stderr } = await run([
      join(src, 'chile.txt'),
      join(dir, 'chile.txt'),
      '--out',
      join(dir, 'out'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(`error: ${join(dir, 'chile.txt')}: another input is also named chile`);
  });

  it('explains usage errors with exit 2, and --help lists the options', async () => {
    expect((await run([src])).stderr).toMatch(/is a folder: add --out DIR/);
    expect((await run([src])).code).toBe(2);
    expect((await run([join(src, 'chile.txt'), '--id', 'x', '--out', join(dir, 'o')])).code).toBe(2);
    expect((await run([join(src, 'chile.txt'), join(src, 'peru.html')])).code).toBe(2);
    expect((await run(['--out', join(dir, 'o')])).code).toBe(2);
    expect((await run([join(src, 'chile.txt'), '--type', 'text/csv'])).code).toBe(2);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--out DIR', '--id ID', '--type', '--help']) expect(help.stdout).toContain(option);
  });
});

describe('factsheet parse and the figure cap', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parse-cap-'));
    // 20,001 money figures: one over the cap ingest enforces.
    writeFileSync(join(dir, 'dense.txt'), `U.S. Relations With Mali\n\n${'$5 million. '.repeat(20_001)}`);
    writeFileSync(join(dir, 'at-cap.txt'), `U.S. Relations With Mali\n\n${'$5 million. '.repeat(20_000)}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses one FILE over the cap as an upload would be, and prints no JSON', async () => {
    const result = await run([join(dir, 'dense.txt')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: .*dense\.txt: The source has 20001 figures; one sheet may hold at most 20000\..*\(an upload of it would be rejected\)\n$/,
    );
  });

  it('parses a FILE of exactly the cap', async () => {
    const result = await run([join(dir, 'at-cap.txt')]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ParsedSheet).figures).toHaveLength(20_000);
  });

  it('reports the file over the cap in a batch by name and writes the others', async () => {
    const out = join(dir, 'out');
    const result = await run([dir, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dense\.txt.*20001 figures/);
    expect(readdirSync(out)).toEqual(['at-cap.json']);
  });

  it('says so in its help', async () => {
    expect((await run(['--help'])).stdout).toContain('more than 20,000 figures fails as it would on upload');
  });
});
