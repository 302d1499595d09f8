/**
 * The publish protocol of the sheet repository. No transactions (dynalite has none), so publishing is
 * ordered instead:
 *
 * 1. Under a fresh attempt id, put the revision document `parsed/{id}/{rev}.{attempt}.json.gz` (the whole
 *    ParsedSheet) and the attempt header item `REV#{rev}#{attempt}#H` naming it. Two writers racing for the
 *    same revision therefore never overwrite each other's document or header.
 * 2. Flip META (`latestRevision`, `latestAttempt`) with a condition on the previous `latestRevision`; a lost
 *    race is a RevisionConflictError and the loser deletes its own attempt items (best effort).
 * 3. Finalize: write the commit marker `REV#{rev}` (header + winning attempt, listed via gsi1) and refresh the
 *    `LATEST#F#n` projection (gsi2), then set `META.projectedRevision`. When the META the flip replaced was
 *    not finalized (its writer stopped after its flip), that revision's marker is written too: the old META
 *    was the only pointer to its attempt.
 *
 * Projection items carry their revision, and `queryLatestFigures` drops every item whose revision is not
 * its sheet's `META.latestRevision`, and every item of a sheet whose `META.projectedRevision` is not its
 * latest: a sheet whose projection is being refreshed (or whose writer died mid-way) is briefly absent from
 * cross-sheet results, never half there and never mixed. A writer that refreshed the projection re-checks
 * META (condition on `latestRevision`) and, when a newer revision was published meanwhile, re-projects that
 * one from a fresh read even if META calls it projected (its own late writes may have damaged it), so the
 * projection converges on the latest revision.
 */
import { randomBytes } from 'node:crypto';
import { RevisionConflictError } from '../errors';
import type { Figure } from '../model';
import type { WriteRequest } from './batch-write';
import type { DynamoTable, Item } from './dynamo-table';
import { attemptHeaderSk, pad, revisionsGsiPk, sheetPk } from './keys';
import {
  PROJECTION_VERSION,
  type ProjectionState,
  projectionWrites,
  readProjection,
  type SectionHeadings,
  sectionHeadings,
} from './latest-figures';
import { type AttemptRef, type Flipped, flipMeta } from './meta-flip';
import { projectedRevisionOf, readMetaItem, updateMetaIf } from './meta-item';
import type { PublishInput, RevisionHeader } from './ports';
import { documentKey, type RevisionDocumentStore } from './revision-documents';
import { type HeaderItemBody, headerBody, markerItem, readBody } from './revision-items';
import { type DynamoSheetReads, requireDocuments } from './sheet-reads';
import { GSI1 } from './table-definition';

/** Rounds of "project, then check META" before finalize leaves the rest to the next finalizeLatest. */
const FINALIZE_ROUNDS = 5;

/** A revision whose attempt items are all written (META or its marker names the attempt). */
interface FinalizeTarget {
  revision: number;
  attempt: string;
  body: HeaderItemBody;
  figures: readonly Figure[];
  /** Section id → heading, for the cross-sheet projection's export columns. */
  headings: SectionHeadings;
}

export interface SheetPublisherOptions {
  /** Clock for createdAt/updatedAt (ISO strings). */
  now: () => Date;
  documents: RevisionDocumentStore | undefined;
  /** Runs between the child writes and the META flip (the repository's failure-injection seam). */
  beforeFlip: (id: string, revision: number) => Promise<void>;
}

export class DynamoSheetPublisher {
  constructor(
    private readonly table: DynamoTable,
    private readonly reads: DynamoSheetReads,
    private readonly options: SheetPublisherOptions,
  ) {}

  async publishRevision(input: PublishInput): Promise<number> {
    const { sheet } = input;
    const revision = input.expectedLatest + 1;
    const attempt = randomBytes(4).toString('hex');
    const createdAt = this.options.now().toISOString();
    const header: RevisionHeader = {
      id: sheet.id,
      revision,
      sourceHash: sheet.sourceHash,
      archiveKey: input.archiveKey,
      parserVersion: sheet.parserVersion,
      contentType: sheet.contentType,
      reason: input.reason,
      createdAt,
      title: sheet.title,
      country: sheet.country,
      counts: { sections: sheet.sections.length, figures: sheet.figures.length },
      diff: input.diff,
    };
    const document = documentKey(sheet.id, revision, attempt);
    const body: HeaderItemBody = { ...headerBody(header, sheet), document };
    const headItem: Item = {
      pk: sheetPk(sheet.id),
      sk: attemptHeaderSk(revision, attempt),
      body: JSON.stringify(body),
    };
    const items = [headItem];
    try {
      // The header only names the document; nothing reaches either before the flip, so both go at once.
      await Promise.all([
        (async () =>
          requireDocuments(this.options.documents, 'publish').put(document, {
            header: body.header,
            sheet,
          }))(),
        this.table.put(headItem),
        input.ready,
      ]);
      await this.options.beforeFlip(sheet.id, revision);
    } catch (err) {
      await this.discard(items);
      throw err;
    }
    let flipped: Flipped;
    try {
      flipped = await flipMeta(this.table, input, attempt, createdAt);
    } catch (err) {
      // Only a failed condition proves the flip did not happen; after a timeout the items may be live.
      if (err instanceof RevisionConflictError) await this.discard(items);
      throw err;
    }
    // The flip replaced META.latestAttempt: if the previous revision was never finalized (its writer died
    // after its own flip), META was the only thing naming its attempt, so its marker is written now or the
    // revision is lost for good. Same item its own writer would write, so a race with it is harmless.
    await input.onVisible?.(revision);
    const previousMarker = flipped.unfinished && (await this.markerFor(sheet.id, flipped.unfinished));
    const target = {
      revision,
      attempt,
      body,
      figures: sheet.figures,
      headings: sectionHeadings(sheet.sections),
    };
    await this.finalize(sheet.id, target, flipped.projected, previousMarker ? [previousMarker] : []);
    return revision;
  }

  /**
   * Completes a publish whose writer stopped after the META flip (marker and projection of the latest
   * revision). Idempotent; cheap when there is nothing to do.
   */
  async finalizeLatest(id: string): Promise<void> {
    const target = await this.latestTarget(id, { unprojectedOnly: true });
    if (target) await this.finalize(id, target);
  }

  /**
   * The latest revision as META names it; with `unprojectedOnly`, undefined when META says its marker and
   * projection are complete already.
   */
  private async latestTarget(
    id: string,
    { unprojectedOnly }: { unprojectedOnly: boolean },
  ): Promise<FinalizeTarget | undefined> {
    const meta = await readMetaItem(this.table, id);
    if (!meta || (unprojectedOnly && projectedRevisionOf(meta) === meta.latestRevision)) return undefined;
    const head = await this.table.getItem(
      sheetPk(id),
      attemptHeaderSk(meta.latestRevision, meta.latestAttempt),
    );
    if (!head) return undefined;
    return {
      revision: meta.latestRevision,
      attempt: meta.latestAttempt,
      body: readBody(head),
      figures: await this.reads.getFigures(id, meta.latestRevision),
      headings: sectionHeadings(await this.reads.getSections(id, meta.latestRevision)),
    };
  }

  /** The commit marker of an attempt META named, rebuilt from its header item (undefined if gone). */
  private async markerFor(id: string, { revision, attempt }: AttemptRef): Promise<Item | undefined> {
    const head = await this.table.getItem(sheetPk(id), attemptHeaderSk(revision, attempt));
    if (!head) return undefined;
    return markerItem(readBody(head), attempt, {
      [GSI1.pk]: revisionsGsiPk(id),
      [GSI1.sk]: pad(revision, 8),
    });
  }

  /**
   * Marker + projection for the target revision, then `META.projectedRevision`; starts over if META moved
   * on. `extra` items (another revision's marker) go out with the first round's writes.
   */
  private async finalize(
    id: string,
    first: FinalizeTarget,
    projected?: ProjectionState,
    extra: readonly Item[] = [],
  ): Promise<void> {
    let target = first;
    let known = projected;
    for (let round = 0; round < FINALIZE_ROUNDS; round++) {
      const marker = markerItem(target.body, target.attempt, {
        [GSI1.pk]: revisionsGsiPk(id),
        [GSI1.sk]: pad(target.revision, 8),
      });
      const requests: WriteRequest[] = [{ PutRequest: { Item: marker } }];
      if (round === 0) for (const Item of extra) requests.push({ PutRequest: { Item } });
      const current = known ?? (await readProjection(this.table, id));
      // A loop, not push(...writes): one argument per figure would overflow the stack on large sheets.
      for (const write of projectionWrites(
        id,
        target.revision,
        target.body.sheet,
        target.figures,
        current,
        target.headings,
      )) {
        requests.push(write);
      }
      known = undefined;
      await this.table.write(requests);
      const marked = await updateMetaIf(
        this.table,
        id,
        {
          update: 'SET projectedRevision = :rev, projectionVersion = :pv',
          condition: 'latestRevision = :rev',
          values: { ':rev': target.revision, ':pv': PROJECTION_VERSION },
        },
        'DynamoDB projection mark',
      );
      if (marked.applied) return;
      // A newer revision was flipped while we projected ours. Our writes may have landed AFTER its writer
      // projected it and set projectedRevision (ours were slow): then they overwrote or deleted its items,
      // and META saying "projected" proves nothing. So the current latest is projected again, whatever
      // projectedRevision says, against a fresh read of the projection: an intact one costs a read and a
      // marker put; a damaged one is repaired.
      const latest = await this.latestTarget(id, { unprojectedOnly: false });
      if (!latest) return;
      target = latest;
    }
    // Still racing newer writers after every round: clear projectedRevision, so that the next ingest's
    // finalizeLatest re-projects rather than trusting a projection our late writes may have damaged.
    await updateMetaIf(
      this.table,
      id,
      { update: 'REMOVE projectedRevision', condition: 'attribute_exists(latestRevision)' },
      'DynamoDB projection reset',
    );
  }

  /** Best-effort removal of an attempt that will never be committed. */
  private async discard(items: readonly Item[]): Promise<void> {
    const keys = items.map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }) as WriteRequest);
    try {
      await this.table.write(keys);
    } catch {
      // Orphaned attempt items are never read (no marker or META names them); leaving them is safe.
    }
  }
}
