/**
 * s3rver keeps each object's metadata in a `*._S3rver_metadata.json` file beside it, and answers any read
 * or listing that touches a damaged one (empty, cut short, not JSON) with a bare "We encountered an
 * internal error". When start-up's reads of DATA_DIR/s3 fail, this finds the damaged files and names them
 * with what to do, instead of that message. Only on failure: a healthy start reads no extra file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError } from './errors';

const METADATA_SUFFIX = '_S3rver_metadata.json';

/** Metadata files under `s3Dir` that are not a JSON object. */
export function damagedMetadataFiles(s3Dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(s3Dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  const damaged: string[] = [];
  for (const name of names.filter((n) => n.endsWith(METADATA_SUFFIX)).sort()) {
    const path = join(s3Dir, name);
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null) damaged.push(path);
    } catch {
      damaged.push(path);
    }
  }
  return damaged;
}

/** Runs `read` (start-up's reads of the bucket); a failure caused by damaged metadata names the files. */
export async function withDamagedMetadataNamed<T>(dataDir: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const damaged = damagedMetadataFiles(join(dataDir, 's3'));
    if (damaged.length === 0) throw err;
    const shown =
      damaged.slice(0, 3).join(', ') + (damaged.length > 3 ? ` and ${damaged.length - 3} more` : '');
    throw new DataDirError(
      `DATA_DIR ${dataDir} is damaged: S3 object metadata ${shown} is empty or not JSON (nothing was changed; restore it from a backup, or move that file and the object beside it out of DATA_DIR/s3 and upload the document again)`,
    );
  }
}
