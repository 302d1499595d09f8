/**
 * Ingest one uploaded source: S3 key → parsed sheet → new revision (docs/architecture.md "The flow").
 *
 * Order safety: META is read BEFORE the object's current bytes, and a lost META race starts over from that
 * read. Whoever flips META last therefore read the bytes after every earlier flip, so the latest upload wins
 * whatever order events arrive in; an older event simply finds the current bytes already published.
 *
 * One slot per sheet: uploads and refreshes write `sources/{id}.txt` or `sources/{id}.html` by content type
 * and nothing deletes the other key (no function may delete), so "latest wins" must hold across both keys.
 * After the META read, ingest HEADs the sibling key; when it is newer (S3 LastModified, whole seconds) the
 * event is ignored as `superseded` — a redelivered or replayed event for the older key never publishes old
 * content again. A sibling written after that HEAD has its own event, which reads META after it and so
 * either wins the META race or makes this attempt retry and find the sibling newer. On a tie (same second:
 * S3 cannot tell which came last) the key whose bytes are already published stays, so nothing flips back
 * and forth; when neither is published the event proceeds, and the other key then finds it published.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { StoredObject } from '../blobs/ports';
import { InvalidSourceError, RevisionConflictError, type SourceRejection } from '../errors';
import type { ContentType, ParsedSheet } from '../model';
import type { RevisionReason } from '../store/ports';
import type { PipelineDeps } from './deps';
import { diffSheets } from './diff';
import { announced, emitPublished, emitRejected, reannounce } from './emit';
import { assignFigureKeys, keyedSheet } from './figure-keys';
import { figureLimitError } from './figure-limit';
import type { IngestOutcome } from './ingest-outcome';
import { archiveKeyFor, compareWrittenAt, parseSourceKey, siblingSourceKeys } from './source-key';
import { noteUpload } from './upload-outcomes';

export interface IngestRequest {
  /** The decoded S3 key (`sources/{id}.{txt|html}`). */
  key: string;
  /** When S3 says the object was written; logged only (ordering never depends on it). */
  eventTime?: string;
  reason?: RevisionReason;
  /** Hears the SHA-256 of the bytes each attempt works on (a failure can then name them). */
  onBytes?: (sourceHash: string) => void;
}

export const DEFAULT_PUBLISH_ATTEMPTS = 8;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Records a refused input on the sheet, logs it and counts it; the previous revision stays latest.
 * `alsoRecord` (the upload's outcome) is written alongside the error record, and both before the event.
 */
export async function rejectSource(
  deps: PipelineDeps,
  id: string,
  key: string,
  reason: SourceRejection,
  message: string,
  uploadId: string | null = null,
  alsoRecord?: (outcome: IngestOutcome) => Promise<unknown>,
): Promise<IngestOutcome> {
  const at = deps.clock().toISOString();
  const outcome: IngestOutcome = { status: 'rejected', id, reason, message };
  await Promise.all([deps.sheets.recordError(id, { at, key, reason, message }), alsoRecord?.(outcome)]);
  deps.logger.warn('source rejected', { key, sheetId: id, reason, error: message });
  deps.metrics.count('IngestRejected');
  await emitRejected(deps, { sheetId: id, key, reason, message, uploadId, at });
  return outcome;
}

/** rejectSource for an upload's bytes: a client polling the upload resource knows before subscribers do. */
function rejectUpload(
  deps: PipelineDeps,
  id: string,
  key: string,
  hash: string,
  reason: SourceRejection,
  message: string,
): Promise<IngestOutcome> {
  return rejectSource(deps, id, key, reason, message, hash, (outcome) => noteUpload(deps, id, hash, outcome));
}

/**
 * Parses with timing; bad input (including more figures than MAX_FIGURES_PER_SHEET) comes back as an
 * InvalidSourceError value, anything else throws.
 */
export function timedParse(
  deps: Pick<PipelineDeps, 'parse' | 'maxSourceBytes' | 'maxFigures' | 'metrics'>,
  bytes: Uint8Array,
  id: string,
  contentType: ContentType,
): ParsedSheet | InvalidSourceError {
  const t0 = performance.now();
  try {
    const sheet = deps.parse(bytes, { id, contentType, maxBytes: deps.maxSourceBytes });
    return figureLimitError(sheet.figures.length, deps.maxFigures) ?? sheet;
  } catch (err) {
    if (err instanceof InvalidSourceError) return err;
    throw err;
  } finally {
    deps.metrics.milliseconds('ParseMs', performance.now() - t0);
  }
}

/** HEADs of the sheet's other source keys, in siblingSourceKeys order (read alongside the object's GET). */
function headSiblings(deps: PipelineDeps, id: string, contentType: ContentType) {
  return Promise.all(
    siblingSourceKeys(id, contentType).map(async (key) => ({ key, info: await deps.blobs.head(key) })),
  );
}

/**
 * The sheet's other source key when it holds the newer upload (see the module comment for the tie rule),
 * else null. `own` is the object this event is about; `siblings` were read after META, like `own`;
 * `publishedHash` is META's.
 */
async function supersedingKey(
  deps: PipelineDeps,
  siblings: Awaited<ReturnType<typeof headSiblings>>,
  own: StoredObject,
  publishedHash: string | undefined,
): Promise<string | null> {
  // Without a LastModified there is nothing to compare (S3 always sends one): behave as a lone key.
  if (!own.lastModified) return null;
  for (const { key: other, info } of siblings) {
    if (!info?.lastModified) continue;
    const order = compareWrittenAt(info.lastModified, own.lastModified);
    if (order > 0) return other;
    if (order < 0 || publishedHash === undefined || publishedHash === sha256Hex(own.bytes)) continue;
    // A tie and this event's bytes are not the published ones: the sibling stays if its bytes are.
    const sibling = await deps.blobs.get(other);
    if (sibling && sha256Hex(sibling.bytes) === publishedHash) return other;
  }
  return null;
}

export async function ingestObject(deps: PipelineDeps, request: IngestRequest): Promise<IngestOutcome> {
  const { key } = request;
  const info = parseSourceKey(key);
  if (!info) {
    deps.logger.debug('key outside sources/, ignored', { key });
    return { status: 'ignored', reason: 'outside-sources' };
  }
  if (!info.ok) {
    const message =
      info.reason === 'bad-id'
        ? `"${key}" is not sources/{id}.{txt|html} with an id of lowercase letters, digits and "-" (at most 64)`
        : `"${key}" has an unsupported extension (expected .txt or .html)`;
    return rejectSource(deps, info.sanitizedId, key, info.reason, message);
  }
  const { id, contentType } = info;
  const attempts = deps.maxPublishAttempts ?? DEFAULT_PUBLISH_ATTEMPTS;
  let cached: { hash: string; sheet: ParsedSheet } | undefined;

  for (let attempt = 0; attempt < attempts; attempt++) {
    const meta = await deps.sheets.getMeta(id);
    if (meta && meta.projectedRevision !== meta.latestRevision) await deps.sheets.finalizeLatest?.(id);
    // Both only depend on META, so they are read alongside the object rather than after it (the diff needs
    // the previous revision; an unchanged or superseded upload just drops it).
    const previousRead = meta ? deps.sheets.getRevision(id, meta.latestRevision) : Promise.resolve(null);
    previousRead.catch(() => {}); // awaited below, or dropped when this attempt ends early
    const [object, siblings] = await Promise.all([deps.blobs.get(key), headSiblings(deps, id, contentType)]);
    if (!object) {
      deps.logger.info('source object no longer exists, ignored', { key, sheetId: id });
      return { status: 'ignored', reason: 'missing-object' };
    }
    // Before any size or parse check: a superseded object's bytes are not this sheet's input any more,
    // so they must neither publish nor record a rejection.
    const newerKey = await supersedingKey(deps, siblings, object, meta?.sourceHash);
    if (newerKey) {
      deps.logger.info('source superseded by a newer object', {
        key,
        sheetId: id,
        newerKey,
        eventTime: request.eventTime,
      });
      return noteUpload(deps, id, sha256Hex(object.bytes), { status: 'ignored', reason: 'superseded' });
    }
    const hash = sha256Hex(object.bytes);
    if (object.bytes.length > deps.maxSourceBytes) {
      const message = `Source is ${object.bytes.length} bytes; the limit is ${deps.maxSourceBytes}`;
      return rejectUpload(deps, id, key, hash, 'too-large', message);
    }
    request.onBytes?.(hash);
    if (meta && meta.sourceHash === hash && meta.parserVersion === deps.parserVersion) {
      deps.logger.info('source unchanged', { key, sheetId: id, revision: meta.latestRevision });
      await reannounce(deps, meta);
      deps.metrics.count('SheetsIngested');
      return noteUpload(deps, id, hash, { status: 'unchanged', id, revision: meta.latestRevision });
    }
    if (cached?.hash !== hash) {
      const parsed = timedParse(deps, object.bytes, id, contentType);
      if (parsed instanceof InvalidSourceError)
        return rejectUpload(deps, id, key, hash, parsed.reason, parsed.message);
      cached = { hash, sheet: { ...parsed, id, sourceHash: hash } };
    }
    const archiveKey = archiveKeyFor(id, hash, contentType);
    const latest = meta?.latestRevision ?? 0;
    // The archive must exist before the flip makes the revision visible, but it need not hold up the
    // previous-revision read or the child writes: publishRevision awaits it just before the flip.
    const archived = deps.blobs.putIfAbsent(archiveKey, object.bytes, contentType);
    archived.catch(() => {}); // observed by publishRevision (or abandoned if the read below fails)
    const stored = await previousRead;
    const previous = stored && keyedSheet(stored.sheet, latest);
    const sheet = assignFigureKeys(previous?.figures ?? null, cached.sheet, latest + 1);
    const diff = previous ? diffSheets(previous, sheet, latest, latest + 1) : null;
    const reason = request.reason ?? 'upload';
    let emitted: Promise<void> | undefined;
    try {
      const revision = await deps.sheets.publishRevision({
        sheet,
        archiveKey,
        reason,
        diff,
        expectedLatest: latest,
        ready: archived,
        // Readers see the revision from the flip on: so do the upload resource and subscribers, while the
        // marker and the projection are still being written. The event's failure is thrown after those.
        onVisible: (revision) => {
          emitted = emitPublished(deps, sheet, revision, reason, diff);
          emitted.catch(() => {});
          return noteUpload(deps, id, hash, { status: 'published', id, revision, diff });
        },
      });
      const outcome: IngestOutcome = { status: 'published', id, revision, diff };
      if (!emitted) await noteUpload(deps, id, hash, outcome);
      await (emitted ?? emitPublished(deps, sheet, revision, reason, diff));
      await announced(deps, id, revision);
      deps.metrics.count('SheetsIngested');
      deps.metrics.count('RevisionsPublished');
      deps.logger.info('revision published', {
        key,
        sheetId: id,
        revision,
        sourceHash: hash,
        eventTime: request.eventTime,
        figures: sheet.figures.length,
        changedFigures: diff?.figures.changed.length ?? null,
      });
      return outcome;
    } catch (err) {
      if (!(err instanceof RevisionConflictError)) throw err;
      deps.logger.debug('lost META race, retrying', { key, sheetId: id, attempt });
      await (deps.sleep ?? defaultSleep)(Math.floor(Math.random() * 5 * 2 ** Math.min(attempt, 6)));
    }
  }
  throw new RevisionConflictError(`Sheet ${id}: gave up after ${attempts} lost publish races`);
}
