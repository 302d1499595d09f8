/** The API bodies the console reads (the OpenAPI document at /openapi.json is the reference). */
import type { Figure as ModelFigure, Section as ModelSection } from '../../shared/model';
import type { SourceRecord } from '../../shared/store/ports';

export type { FigureKind, Period } from '../../shared/model';
export type Figure = ModelFigure & { key: string };
export type Block = ModelSection['blocks'][number];

export interface SheetError {
  at: string;
  key: string;
  reason: string;
  message: string;
}

export interface SheetSummary {
  id: string;
  latestRevision: number;
  title: string | null;
  country: string | null;
  bureau: string | null;
  publishedOn: string | null;
  contentType: 'text/plain' | 'text/html';
  sourceHash: string;
  parserVersion: string;
  counts: { sections: number; figures: number };
  createdAt: string;
  updatedAt: string;
  lastError?: SheetError;
}

export interface SectionSummary {
  id: string;
  heading: string | null;
  level: number;
  start: number;
  end: number;
  blockCount: number;
  figureCount: number;
}

export interface SheetDetail extends SheetSummary {
  sections: SectionSummary[];
}

export interface SectionDetail {
  sheetId: string;
  revision: number;
  id: string;
  heading: string | null;
  level: number;
  start: number;
  end: number;
  blocks: Block[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** A source registration as `GET /sources` answers it (shared/api/views-source.ts serves the record's fields). */
export type Source = SourceRecord;
