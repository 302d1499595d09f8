/**
 * First-start seeding: real fact sheets from fixtures/ go in through the same path an editor's upload takes
 * (PutObject on `sources/` → S3 event → ingest), so `GET /sheets/mali` answers right after `npm start`.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { contentTypeForPath } from '../../shared/content-type';
import { SOURCES_PREFIX } from '../../shared/topology';

/** Fixture files that are real fact sheets (test fixtures with broken input are deliberately not here). */
export const SEED_FILES: readonly string[] = ['fixtures/sheets/mali.txt'];

export interface SeedObject {
  key: string;
  bytes: Uint8Array;
  contentType: string;
}

/** Reads the seed files under `projectRoot` into the objects to put. */
export async function loadSeeds(
  projectRoot: string,
  files: readonly string[] = SEED_FILES,
): Promise<SeedObject[]> {
  return Promise.all(
    files.map(async (file) => {
      const ext = extname(file);
      const contentType = contentTypeForPath(file);
      if (!contentType) throw new Error(`seed ${file} has an unsupported extension`);
      return {
        key: `${SOURCES_PREFIX}${basename(file, ext)}${ext}`,
        bytes: await readFile(join(projectRoot, file)),
        contentType: `${contentType}; charset=utf-8`,
      };
    }),
  );
}
