import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type FunctionAsset, functionAssets, missingEntries, synthesize } from '../../infra/assets';
import { API_DOCS_FILES } from '../../infra/stack';
import { functions } from '../../shared/topology';

/** The one real `cdk synth` (bundling every handler with esbuild), as `npm run synth` runs it. */
describe('cdk synth (real bundling)', () => {
  let outdir: string;
  let assets: FunctionAsset[];

  beforeAll(async () => {
    const missing = missingEntries();
    if (missing.length > 0) {
      throw new Error(`cannot synthesize: handler entries missing: ${missing.join(', ')}`);
    }
    outdir = mkdtempSync(path.join(tmpdir(), 'factsheet-synth-'));
    await synthesize(outdir);
    assets = functionAssets(outdir);
  }, 120_000);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('bundles one minified asset with a source map per topology function', () => {
    expect(assets.map((a) => a.name).sort()).toEqual(Object.keys(functions).sort());
    const table = assets.map(
      (a) =>
        `${a.name}: ${(a.bundleBytes / 1024).toFixed(1)} KB (+ map ${(a.mapBytes / 1024).toFixed(1)} KB)`,
    );
    console.log(`bundled assets:\n${table.join('\n')}`);
    for (const asset of assets) {
      expect({ name: asset.name, hasBundle: asset.bundleBytes > 0, hasMap: asset.mapBytes > 0 }).toEqual({
        name: asset.name,
        hasBundle: true,
        hasMap: true,
      });
    }
  });

  it('the api asset carries the Swagger UI files /docs reads at run time', () => {
    const api = assets.find((a) => a.name === 'api')!;
    const missing = API_DOCS_FILES.filter((file) => !existsSync(path.join(api.dir, file)));
    expect(missing).toEqual([]);
  });

  it('keeps the AWS SDK external (the Lambda runtime provides it) and every bundle under 1 MiB', () => {
    for (const asset of assets) {
      const code = readFileSync(asset.bundle, 'utf8');
      const requiresSdk = /require\("@aws-sdk\/[a-z0-9-]+"\)/.test(code);
      expect({ name: asset.name, requiresSdk, underMiB: asset.bundleBytes < 1024 * 1024 }).toEqual({
        name: asset.name,
        requiresSdk: true,
        underMiB: true,
      });
    }
  });

  it('assets are distinct bundles (one per handler)', () => {
    expect(new Set(assets.map((a) => a.dir)).size).toBe(assets.length);
  });
});
