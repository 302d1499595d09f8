import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Level } from 'level';
import { inspectDataDir } from '../../../infra/local/data-dir';
import { DataDirError } from '../../../infra/local/errors';

const temp = () => mkdtempSync(join(tmpdir(), 'datadir-'));

describe('DATA_DIR inspection', () => {
  it('creates a missing DATA_DIR and calls it a first start', async () => {
    const dir = join(temp(), 'fresh');
    await expect(inspectDataDir(dir)).resolves.toEqual({ firstStart: true });
    expect(readdirSync(dir)).toEqual(['.gitignore']);
  });

  it('opens a healthy LevelDB store and reports a later start', async () => {
    const dir = temp();
    const db = new Level(join(dir, 'dynamodb'));
    await db.put('k', 'v');
    await db.close();
    await expect(inspectDataDir(dir)).resolves.toEqual({ firstStart: false });
  });

  it('reports a file where a folder should be and leaves it alone', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'dynamodb'), 'not a folder');
    await expect(inspectDataDir(dir)).rejects.toThrow(DataDirError);
    await expect(inspectDataDir(dir)).rejects.toThrow(/dynamodb should be a folder but is a file/);
    expect(readFileSync(join(dir, 'dynamodb'), 'utf8')).toBe('not a folder');
  });

  it('reports an unreadable LevelDB store without wiping it', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'dynamodb'));
    writeFileSync(join(dir, 'dynamodb', 'CURRENT'), 'garbage');
    writeFileSync(join(dir, 'dynamodb', 'MANIFEST-000002'), 'junk');
    const err = await inspectDataDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirError);
    expect((err as Error).message).toMatch(/cannot be opened .*nothing was changed/);
    expect(readFileSync(join(dir, 'dynamodb', 'CURRENT'), 'utf8')).toBe('garbage');
    expect(readFileSync(join(dir, 'dynamodb', 'MANIFEST-000002'), 'utf8')).toBe('junk');
  });

  it('says another runtime holds the store when it is locked', async () => {
    const dir = temp();
    const db = new Level(join(dir, 'dynamodb'));
    await db.open();
    try {
      await expect(inspectDataDir(dir)).rejects.toThrow(/another runtime is using it/);
    } finally {
      await db.close();
    }
  });
});
