/** Builds events from pipeline outcomes, with ids derived from the occurrence (same occurrence, same id). */
import { createHash, randomUUID } from 'node:crypto';
import type { DiffSummary, FigureRef, RevisionReason } from '../store/ports';
import { figureKeyOf } from './figure-key';
import {
  EVENT_SCHEMA_VERSION,
  type EventDiffSummary,
  type EventFigure,
  type EventType,
  type PingEvent,
  type RefreshFailedEvent,
  type RevisionPublishedEvent,
  type UploadRejectedEvent,
} from './types';

/** At most this many figures per diff list: an EventBridge entry carries at most 256 KB. */
export const MAX_EVENT_FIGURES = 200;

/** `evt_` + 32 hex of sha256 over the type and the parts that identify the occurrence. */
export function eventId(type: EventType, ...parts: readonly (string | number | null)[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([type, ...parts]))
    .digest('hex');
  return `evt_${hash.slice(0, 32)}`;
}

function eventFigure(figure: FigureRef): EventFigure {
  const { kind, value, unit, text, sectionId } = figure;
  return { key: figureKeyOf(figure), kind, value, ...(unit !== undefined && { unit }), text, sectionId };
}

export function eventDiff(diff: DiffSummary): EventDiffSummary {
  const { added, removed, changed } = diff.figures;
  const truncated =
    diff.figuresOmitted === true ||
    added.length > MAX_EVENT_FIGURES ||
    removed.length > MAX_EVENT_FIGURES ||
    changed.length > MAX_EVENT_FIGURES;
  return {
    added: added.slice(0, MAX_EVENT_FIGURES).map(eventFigure),
    removed: removed.slice(0, MAX_EVENT_FIGURES).map(eventFigure),
    changed: changed.slice(0, MAX_EVENT_FIGURES).map(({ before, after }) => ({
      key: figureKeyOf(before),
      before: eventFigure(before),
      after: eventFigure(after),
    })),
    sections: diff.sections,
    ...(truncated && { truncated: true as const }),
  };
}

export interface PublishedRevision {
  sheetId: string;
  title: string | null;
  country: string | null;
  revision: number;
  reason: RevisionReason;
  sourceHash: string;
  diff: DiffSummary | null;
  publishedAt: string;
}

export function revisionPublished(r: PublishedRevision): RevisionPublishedEvent {
  return {
    id: eventId('sheet.revision.published', r.sheetId, r.revision),
    type: 'sheet.revision.published',
    schemaVersion: EVENT_SCHEMA_VERSION,
    time: r.publishedAt,
    data: {
      sheetId: r.sheetId,
      country: r.country,
      title: r.title,
      revision: r.revision,
      previousRevision: r.revision > 1 ? r.revision - 1 : null,
      reason: r.reason,
      publishedAt: r.publishedAt,
      sourceHash: r.sourceHash,
      diff: r.diff ? eventDiff(r.diff) : null,
    },
  };
}

export function uploadRejected(input: {
  sheetId: string;
  uploadId: string | null;
  key: string;
  reason: string;
  message: string;
  at: string;
}): UploadRejectedEvent {
  const { sheetId, uploadId, key, reason, message, at } = input;
  return {
    // The same bytes refused for the same reason are one occurrence, however often S3 redelivers them.
    id: eventId('sheet.upload.rejected', sheetId, key, uploadId ?? at, reason),
    type: 'sheet.upload.rejected',
    schemaVersion: EVENT_SCHEMA_VERSION,
    time: at,
    data: { sheetId, uploadId, key, reason, message },
  };
}

export function refreshFailed(input: {
  sourceId: string;
  url: string;
  reason: string;
  message: string;
  checkedAt: string;
}): RefreshFailedEvent {
  const { sourceId, url, reason, message, checkedAt } = input;
  return {
    id: eventId('source.refresh.failed', sourceId, checkedAt),
    type: 'source.refresh.failed',
    schemaVersion: EVENT_SCHEMA_VERSION,
    time: checkedAt,
    data: { sourceId, url, status: 'failed', reason, message },
  };
}

/** Every test is its own occurrence, so its id is random. */
export function ping(subscriptionId: string, at: string): PingEvent {
  return {
    id: eventId('ping', subscriptionId, at, randomUUID()),
    type: 'ping',
    schemaVersion: EVENT_SCHEMA_VERSION,
    time: at,
    data: { subscriptionId, message: 'Test delivery from the fact-sheet pipeline' },
  };
}
