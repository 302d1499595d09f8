/**
 * The documented cap on figures per sheet (MAX_FIGURES_PER_SHEET): ingest rejects a larger sheet as
 * `too-many-figures`, and `factsheet parse` says so before an editor uploads it.
 */
import { MAX_FIGURES_PER_SHEET } from '../config';
import { InvalidSourceError } from '../errors';

/** The rejection a sheet of `count` figures earns, or null when it is within `limit`. */
export function figureLimitError(count: number, limit = MAX_FIGURES_PER_SHEET): InvalidSourceError | null {
  if (count <= limit) return null;
  return new InvalidSourceError(
    'too-many-figures',
    `The source has ${count} figures; one sheet may hold at most ${limit}. Split it into ` +
      'several sheets, or remove tables of figures the sheet does not need.',
  );
}
