import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '../../../cli/commands/parse';
import type { ParsedSheet } from '../../../shared/index';
import { fixturePath } from '../../support/fixtures';

const FIXTURES = fixturePath('sheets');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await parseCommand(args, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

describe('factsheet parse', () => {
  it('prints the ParsedSheet JSON, taking the id from the file name', async () => {
    const { code, stdout, stderr } = await run([join(FIXTURES, 'mali.txt')]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const sheet = JSON.parse(stdout) as ParsedSheet;
    expect(sheet.id).toBe('mali');
    expect(sheet.contentType).toBe('text/plain');
    expect(sheet.sections.map((s) => s.id)).toContain('bilateral-representation');
  });

  it('honours --id and --type', async () => {
    const { code, stdout } = await run([
      join(FIXTURES, 'kenya-archive.html'),
      '--id',
      'kenya',
      '--type',
      'text/plain',
    ]);
    expect(code).toBe(0);
    const sheet = JSON.parse(stdout) as ParsedSheet;
    expect(sheet).toMatchObject({ id: 'kenya', contentType: 'text/plain' });
  });

  it('reports a refused source as one line on stderr with exit code 1 and nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
    const file = join(dir, 'blank.txt');
    writeFileSync(file, ' \n\t\n');
    const { code, stdout, stderr } = await run([file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: ${file}: The source is empty: it holds no text, only whitespace.\n`);
  });

  it('reports a missing file and bad usage on one line', async () => {
    const missing = await run([join(FIXTURES, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read .*nope\.txt: no such file\n$/);
    const usage = await run([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')).toHaveLength(2);
    const unknown = await run([join(FIXTURES, 'mali.txt'), '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: .*bogus/);
  });
});
