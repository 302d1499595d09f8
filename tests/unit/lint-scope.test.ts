/**
 * `npm test` lints the project's sources, not whatever lies in the checkout: a DATA_DIR under any name (it
 * ignores itself) and an editor's folder of sheets must not make `biome check .` fail.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inspectDataDir } from '../../infra/local/data-dir';

const ROOT = join(__dirname, '..', '..');
const sheets = join(ROOT, `editor-sheets-${process.pid}`);
const dataDir = join(ROOT, 'tests', `my-data-${process.pid}`);

afterAll(() => {
  rmSync(sheets, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('lint scope', () => {
  it('a DATA_DIR gets a .gitignore of everything, so git and biome skip it wherever it is', async () => {
    await inspectDataDir(dataDir);
    expect(readFileSync(join(dataDir, '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    // A second start leaves the file alone and still counts as the first (nothing else is there).
    expect(await inspectDataDir(dataDir)).toEqual({ firstStart: true });
  });

  it('biome check . passes with a DATA_DIR and a folder of sheets inside the checkout', async () => {
    mkdirSync(join(dataDir, 's3', 'bucket'), { recursive: true });
    // What s3rver writes next to each object: JSON biome would flag.
    writeFileSync(join(dataDir, 's3', 'bucket', 'mali.txt._S3rver_metadata.json'), '{"a":1,,}');
    mkdirSync(sheets, { recursive: true });
    copyFileSync(join(ROOT, 'fixtures/sheets/mali.html'), join(sheets, 'mali.html'));
    writeFileSync(join(sheets, 'notes.json'), '{ broken');
    const biome = join(ROOT, 'node_modules', '.bin', 'biome');
    const run = await promisify(execFile)(biome, ['check', '.'], { cwd: ROOT }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(run.out).not.toContain(`editor-sheets-${process.pid}`);
    expect(run.out).not.toContain(`my-data-${process.pid}`);
    expect(run.code).toBe(0);
  });

  it.each([
    ['shared/pipeline', "import { S3Client } from '@aws-sdk/client-s3';", true],
    ['shared/api', "import type { APIGatewayProxyEvent } from 'aws-lambda';", true],
    ['shared/parse', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';", true],
    ['shared/store', "import { S3Client } from '@aws-sdk/client-s3';", false],
    ['shared/aws', "import { S3Client } from '@aws-sdk/client-s3';", false],
  ])('in %s, `%s` is refused by the lint rule: %s', async (folder, line, refused) => {
    const file = join(ROOT, folder, `lint-probe-${process.pid}.ts`);
    writeFileSync(file, `${line}\n\nexport type Probe = unknown;\n`);
    try {
      const biome = join(ROOT, 'node_modules', '.bin', 'biome');
      const out = await promisify(execFile)(biome, ['lint', file], { cwd: ROOT }).then(
        (r) => r.stdout + r.stderr,
        (e: { stdout: string; stderr: string }) => e.stdout + e.stderr,
      );
      expect(out.includes('noRestrictedImports')).toBe(refused);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
