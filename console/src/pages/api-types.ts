/**
 * The bodies the revision, upload, source and subscription pages read (components Diff, RevisionHeader,
 * FigureHistory, Preview, Upload, Subscription, DeliveryAttempt of /openapi.json); ../types.ts holds the
 * sheet pages' ones. Only the members the pages use, so a new optional member elsewhere costs nothing.
 */
import type { DiffSummary, FigureRef as StoredFigureRef } from '../../../shared/store/ports';
import type { Period } from '../types';

export type { Page, Source } from '../types';

/** The rule of the API's sheet id parameter (`^[a-z0-9-]{1,64}$`). */
export const SHEET_ID_PATTERN = /^[a-z0-9-]{1,64}$/;

export type FigureValue = number | string;

/** A figure as diffs name it (the store's summary shape, served as is). */
export type FigureRef = StoredFigureRef;

/** The body of GET /sheets/{id}/diff and a revision header's `diff`: the store's diff summary. */
export type Diff = DiffSummary;

export interface RevisionHeader {
  id: string;
  revision: number;
  sourceHash: string;
  parserVersion: string;
  contentType: 'text/plain' | 'text/html';
  reason: 'upload' | 'reprocess' | 'refresh';
  createdAt: string;
  title: string | null;
  country: string | null;
  counts: { sections: number; figures: number };
  diff: Diff | null;
}

export interface RevisionList {
  sheetId: string;
  items: RevisionHeader[];
  nextCursor?: string;
}

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: { text: string; href?: string }[] };

export interface Section {
  id: string;
  heading: string | null;
  level: number;
  blocks: Block[];
}

export interface Figure extends FigureRef {
  key: string;
  start: number;
  end: number;
  qualifier?: string;
  sentence: string;
}

export interface ParsedSheet {
  id: string;
  title: string | null;
  country: string | null;
  parserVersion: string;
  sourceHash: string;
  text: string;
  sections: Section[];
  figures: Figure[];
}

export interface Revision {
  header: RevisionHeader;
  sheet: ParsedSheet;
}

export interface FigureHistoryEntry {
  revision: number;
  publishedAt: string;
  change: 'added' | 'changed' | 'unchanged' | 'removed';
  value: FigureValue;
  unit?: string;
  qualifier?: string;
  period?: Period;
  text: string;
  sentence: string;
  sectionId: string;
}

export interface FigureHistory {
  sheetId: string;
  key: string;
  items: FigureHistoryEntry[];
}

export interface Preview {
  id: string;
  uploadId: string;
  parserVersion: string;
  latestRevision: number | null;
  unchanged: boolean;
  sheet: ParsedSheet;
  diff: Diff | null;
}

export interface UploadAccepted {
  id: string;
  uploadId: string;
  status: 'accepted';
  location: string;
}

export type UploadStatus = 'pending' | 'published' | 'unchanged' | 'superseded' | 'rejected';

export interface Upload {
  sheetId: string;
  uploadId: string;
  status: UploadStatus;
  uploadedAt: string;
  decidedAt?: string;
  revision?: number;
  reason?: string;
  message?: string;
  supersededBy?: string;
}

export const EVENT_TYPES = [
  'sheet.revision.published',
  'sheet.upload.rejected',
  'source.refresh.failed',
] as const;

export interface Subscription {
  id: string;
  url: string;
  events: string[];
  sheets?: string[];
  enabled: boolean;
  disabledReason?: string;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionCreated extends Subscription {
  secret: string;
}

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  at: string;
  attempt: number;
  status: number | null;
  durationMs: number;
  outcome: 'delivered' | 'retrying' | 'dead-lettered' | 'refused' | 'disabled';
  error?: string;
}

export interface DeliveryList {
  subscriptionId: string;
  items: DeliveryAttempt[];
}
