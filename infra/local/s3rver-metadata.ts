/**
 * s3rver keeps each object's metadata in a `*._S3rver_metadata.json` file beside it, and answers any read
 * or listing that touches a damaged one (empty, cut short, not JSON) with a bare "We encountered an
 * internal error". When start-up fails, this finds the damaged files and names them with what to do,
 * instead of that message. Only on failure: a healthy start reads no extra file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirError, LocalRuntimeError } from './errors';

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

/** Why start-up failed, as one actionable line: damaged metadata by file, anything else by the step. */
export function explainStartFailure(dataDir: string, step: string, err: unknown): Error {
  if (err instanceof LocalRuntimeError) return err;
  const damaged = damagedMetadataFiles(join(dataDir, 's3'));
  if (damaged.length > 0) {
    const shown =
      damaged.slice(0, 3).join(', ') + (damaged.length > 3 ? ` and ${damaged.length - 3} more` : '');
    return new DataDirError(
      `DATA_DIR ${dataDir} is damaged: S3 object metadata ${shown} is empty or not JSON (nothing was changed; restore it from a backup, or move that file and the object beside it out of DATA_DIR/s3 and upload the document again)`,
    );
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new LocalRuntimeError(
    `start-up failed while ${step} (${message}); nothing in DATA_DIR ${dataDir} was wiped: fix that, or start with another DATA_DIR to check it is this one`,
    { cause: err },
  );
}
