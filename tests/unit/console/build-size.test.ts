/** The console's budget: its JavaScript, as served, stays at or under 100 KB gzip; names carry content hashes. */
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../../../console/build';

const BUDGET_BYTES = 100 * 1024;

describe('the console build', () => {
  it('keeps the script at or under 100 KB gzip and names every file by a content hash', async () => {
    const { manifest, outputs } = await buildConsole();
    const script = outputs.get(manifest.script)!;
    const gzipped = gzipSync(script, { level: 9 }).byteLength;
    console.log(`console script: ${script.byteLength} B, ${gzipped} B gzip (budget ${BUDGET_BYTES} B)`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(Object.keys(manifest.files).sort()).toEqual([manifest.script, manifest.stylesheet].sort());
    expect(manifest.script).toMatch(/^main-[A-Z0-9]{8}\.js$/);
    expect(manifest.stylesheet).toMatch(/^styles-[A-Z0-9]{8}\.css$/);
  });

  it('gives the same names to the same sources and no source maps or eval', async () => {
    const [a, b] = [await buildConsole(), await buildConsole()];
    expect(b.manifest).toEqual(a.manifest);
    const code = new TextDecoder().decode(a.outputs.get(a.manifest.script));
    expect(code).not.toMatch(/\beval\(|new Function\(|sourceMappingURL/);
  });
});
