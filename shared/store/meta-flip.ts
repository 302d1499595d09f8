/**
 * Step 2 of the publish protocol (sheet-publisher.ts): the conditional flip of META to the new revision,
 * and what the META it replaced says about the previous revision.
 */
import { RevisionConflictError } from '../errors';
import type { DynamoTable } from './dynamo-table';
import { SHEETS_GSI_PK } from './keys';
import type { ProjectionState } from './latest-figures';
import { updateMetaIf } from './meta-item';
import type { PublishInput } from './ports';
import { GSI1 } from './table-definition';

/** The attempt that won a revision. */
export interface AttemptRef {
  revision: number;
  attempt: string;
}

/** What the META flip learned from the META it replaced. */
export interface Flipped {
  projected: ProjectionState | undefined;
  /** The previous revision, when the old META says it was never finalized (marker possibly missing). */
  unfinished?: AttemptRef;
}

/**
 * The conditional META flip. Returns the LATEST#F projection as it stood (sort key → revision) when the
 * old META proves it complete, which saves reading it back (else undefined), and the previous revision's
 * attempt when the old META says that revision was never finalized.
 */
export async function flipMeta(
  table: DynamoTable,
  input: PublishInput,
  attempt: string,
  now: string,
): Promise<Flipped> {
  const { sheet, expectedLatest } = input;
  const outcome = await updateMetaIf(
    table,
    sheet.id,
    {
      update:
        'SET #id = :id, latestRevision = :rev, latestAttempt = :attempt, title = :title, country = :country, ' +
        'bureau = :bureau, publishedOn = :publishedOn, contentType = :contentType, sourceHash = :hash, ' +
        'parserVersion = :pv, #counts = :counts, updatedAt = :now, createdAt = if_not_exists(createdAt, :now), ' +
        '#g1pk = :g1pk, #g1sk = :id, unannouncedRevision = :rev',
      condition: expectedLatest === 0 ? 'attribute_not_exists(latestRevision)' : 'latestRevision = :expected',
      names: { '#id': 'id', '#counts': 'counts', '#g1pk': GSI1.pk, '#g1sk': GSI1.sk },
      values: {
        ':id': sheet.id,
        ':rev': expectedLatest + 1,
        ':attempt': attempt,
        ':title': sheet.title,
        ':country': sheet.country,
        ':bureau': sheet.bureau,
        ':publishedOn': sheet.publishedOn,
        ':contentType': sheet.contentType,
        ':hash': sheet.sourceHash,
        ':pv': sheet.parserVersion,
        ':counts': { sections: sheet.sections.length, figures: sheet.figures.length },
        ':now': now,
        ':g1pk': SHEETS_GSI_PK,
        ...(expectedLatest !== 0 && { ':expected': expectedLatest }),
      },
      returnOld: true,
    },
    'DynamoDB META flip',
  );
  if (!outcome.applied) {
    throw new RevisionConflictError(
      `Sheet ${sheet.id}: revision ${expectedLatest + 1} was published by another writer`,
      { cause: outcome.refusal },
    );
  }
  const { old } = outcome;
  if (old?.latestRevision === undefined) return { projected: new Map() };
  if (old.projectedRevision !== old.latestRevision || !old.counts) {
    const unfinished = old.latestAttempt
      ? { revision: old.latestRevision, attempt: old.latestAttempt }
      : undefined;
    return { projected: undefined, ...(unfinished && { unfinished }) };
  }
  // Its items depend on the old figures' fiscal years, which this writer does not have: finalize reads it.
  return { projected: undefined };
}
