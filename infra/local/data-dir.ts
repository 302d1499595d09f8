/**
 * Checks DATA_DIR before the emulators touch it: a file where a folder should be, an unreadable LevelDB
 * store or one locked by another runtime are reported (DataDirError) and nothing is changed or wiped.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { DataDirError } from './errors';

export interface DataDirState {
  /** True when DATA_DIR did not exist or held nothing: the runtime seeds the fixtures. */
  firstStart: boolean;
}

function requireFolder(path: string, dataDir: string): void {
  if (existsSync(path) && !statSync(path).isDirectory()) {
    throw new DataDirError(
      `DATA_DIR ${dataDir} is damaged: ${path} should be a folder but is a file (nothing was changed; move it aside to start fresh)`,
    );
  }
}

/** Creates DATA_DIR when missing; otherwise verifies its layout and that the DynamoDB store opens. */
export async function inspectDataDir(dataDir: string): Promise<DataDirState> {
  requireFolder(dataDir, dataDir);
  const firstStart =
    !existsSync(dataDir) || readdirSync(dataDir).filter((name) => name !== IGNORE_FILE).length === 0;
  mkdirSync(dataDir, { recursive: true });
  const dynamoDir = join(dataDir, 'dynamodb');
  requireFolder(dynamoDir, dataDir);
  requireFolder(join(dataDir, 's3'), dataDir);
  if (existsSync(dynamoDir) && readdirSync(dynamoDir).length > 0) await probeLevelDb(dynamoDir, dataDir);
  ignoreContents(dataDir);
  return { firstStart };
}

const IGNORE_FILE = '.gitignore';

/**
 * DATA_DIR may sit anywhere in a checkout: a `.gitignore` of `*` inside keeps git, and the linter and
 * formatter (biome reads ignore files), off the emulators' data whatever the folder is called.
 */
function ignoreContents(dataDir: string): void {
  const file = join(dataDir, IGNORE_FILE);
  if (!existsSync(file)) writeFileSync(file, '# Written by npm start: DATA_DIR is data, not source.\n*\n');
}

async function probeLevelDb(path: string, dataDir: string): Promise<void> {
  const db = new Level(path, { createIfMissing: false });
  try {
    await db.open();
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    const hint = /lock/i.test(cause)
      ? 'another runtime is using it: stop it or set DATA_DIR to another folder'
      : 'nothing was changed; restore it from a backup or move it aside to start fresh';
    throw new DataDirError(`DATA_DIR ${dataDir} cannot be opened (${path}: ${cause}): ${hint}`);
  } finally {
    await db.close().catch(() => undefined);
  }
}
