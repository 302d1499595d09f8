import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCorpus } from '../../../scripts/corpus';

async function run(corpus: string, verbose = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCorpus(
    corpus,
    { verbose },
    {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    },
  );
  return { code, stdout, stderr };
}

describe('npm run corpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-script-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says there is no corpus and exits 0 when the folder is missing', async () => {
    const { code, stdout } = await run(join(dir, 'nowhere'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No corpus at .*nowhere .*nothing to score/);
  });

  it('parses every raw text in one process, hands the scorer a folder of JSONs and removes it after', async () => {
    mkdirSync(join(dir, 'raw'));
    writeFileSync(
      join(dir, 'raw', '001-chile.txt'),
      'U.S. Relations With Chile\n\nThe two countries trade widely and work together on health.',
    );
    writeFileSync(join(dir, 'raw', '002-blank.txt'), '   ');
    // A stand-in scorer: prints what it was given, so the test sees the parsed folder and the flags.
    writeFileSync(
      join(dir, 'score.mjs'),
      `import { readdirSync, readFileSync } from 'node:fs';
const [corpus, parsed, ...flags] = process.argv.slice(2);
const files = readdirSync(parsed);
console.log('scored', files.join(','), JSON.parse(readFileSync(parsed + '/' + files[0], 'utf8')).title, flags.join(' '));
console.log('PARSED=' + parsed);`,
    );
    const { code, stdout, stderr } = await run(dir, true);
    expect(code).toBe(0);
    expect(stdout).toContain('scored 001-chile.json U.S. Relations With Chile --verbose');
    expect(stdout).toContain('parsed 1/2 files in one process');
    expect(stderr).toMatch(/parse failed: .*002-blank\.txt: The source is empty/);
    const parsed = /PARSED=(.*)/.exec(stdout)?.[1] ?? '';
    expect(parsed).not.toBe('');
    expect(existsSync(parsed)).toBe(false);
  });
});
