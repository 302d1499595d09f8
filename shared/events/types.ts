/**
 * Domain events the pipeline emits for its consumers. Every event is an envelope (`id`, `type`,
 * `schemaVersion`, `time`) around `data`; the id is derived from the occurrence, so emitting the same
 * occurrence again (a retried ingest, a redelivered message) yields the same id and consumers can dedupe.
 */
import type { FigureKind } from '../model';
import type { RevisionReason } from '../store/ports';

export const EVENT_TYPES = [
  'sheet.revision.published',
  'sheet.upload.rejected',
  'source.refresh.failed',
] as const;
export type DomainEventType = (typeof EVENT_TYPES)[number];
/** `ping` is only ever sent to one subscription (`POST /subscriptions/{id}/test`). */
export type EventType = DomainEventType | 'ping';

/** Bumped when a field changes meaning or goes away; new optional fields keep the version. */
export const EVENT_SCHEMA_VERSION = 1;

export interface EventEnvelope<T extends EventType, D> {
  id: string;
  type: T;
  schemaVersion: typeof EVENT_SCHEMA_VERSION;
  /** When the occurrence happened (ISO 8601). */
  time: string;
  data: D;
}

/** A figure as a diff names it: `key` is the stable name across revisions (its id when none exists). */
export interface EventFigure {
  key: string;
  kind: FigureKind;
  value: number | string;
  unit?: string;
  text: string;
  sectionId: string;
}

export interface EventDiffSummary {
  added: EventFigure[];
  removed: EventFigure[];
  changed: { key: string; before: EventFigure; after: EventFigure }[];
  sections: { added: string[]; removed: string[]; changed: string[] };
  /** Set when figure lists were cut to keep the event small; read `/sheets/{id}/diff` for all of them. */
  truncated?: true;
}

export interface RevisionPublishedData {
  sheetId: string;
  country: string | null;
  title: string | null;
  revision: number;
  /** Null for a sheet's first revision. */
  previousRevision: number | null;
  reason: RevisionReason;
  publishedAt: string;
  sourceHash: string;
  /** Null for a sheet's first revision (everything is new). */
  diff: EventDiffSummary | null;
}

export interface UploadRejectedData {
  sheetId: string;
  /** sha256 (hex) of the refused bytes; null when the key itself was refused before any read. */
  uploadId: string | null;
  key: string;
  reason: string;
  message: string;
}

export interface RefreshFailedData {
  sourceId: string;
  url: string;
  /** The source's status after the check (always `failed` today). */
  status: 'failed';
  reason: string;
  message: string;
}

export interface PingData {
  subscriptionId: string;
  message: string;
}

export type RevisionPublishedEvent = EventEnvelope<'sheet.revision.published', RevisionPublishedData>;
export type UploadRejectedEvent = EventEnvelope<'sheet.upload.rejected', UploadRejectedData>;
export type RefreshFailedEvent = EventEnvelope<'source.refresh.failed', RefreshFailedData>;
export type PingEvent = EventEnvelope<'ping', PingData>;

export type DomainEvent = RevisionPublishedEvent | UploadRejectedEvent | RefreshFailedEvent;
export type AnyEvent = DomainEvent | PingEvent;

/** The sheet an event is about (source ids are sheet ids), for subscriptions filtered by sheet. */
export function sheetOf(event: AnyEvent): string | null {
  switch (event.type) {
    case 'sheet.revision.published':
    case 'sheet.upload.rejected':
      return event.data.sheetId;
    case 'source.refresh.failed':
      return event.data.sourceId;
    default:
      return null;
  }
}
