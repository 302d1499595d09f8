/**
 * Issue case 2 for the CLI: `factsheet parse` of a 2 MB file of 100,000-odd lines like
 * `$N million in FY20xx, N%` once did not finish in 300 s. Now it ends, in the process an editor runs,
 * with the rejection an upload of it would get, and prints no 100 MB of JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliProcess } from './runtime-process';

jest.setTimeout(120_000);

function denseLines(bytes: number): string {
  const lines = ['U.S. Relations With Mali', ''];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `$${(n % 900) + 1} million in FY20${String(n % 30).padStart(2, '0')}, ${n % 99}%`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

describe('factsheet parse of a 2 MB file of dense figure lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-parse-dense-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends with the too-many-figures reason and no JSON', async () => {
    const file = join(dir, 'dense.txt');
    const text = denseLines(1_990_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_900_000);
    writeFileSync(file, text);
    const result = await runCliProcess(['parse', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: .*dense\.txt: The source has \d{6} figures; one sheet may hold at most 20000/,
    );
  });
});
