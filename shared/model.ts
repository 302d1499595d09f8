/**
 * The parsed-sheet contract (how it flows through the code: docs/architecture.md).
 * Every shape the parser produces, the store persists and the API serves is declared here.
 */

export type ContentType = 'text/plain' | 'text/html';

export type FigureKind = 'money' | 'percent' | 'count' | 'date' | 'duration';
export const FIGURE_KINDS: readonly FigureKind[] = ['money', 'percent', 'count', 'date', 'duration'];

export type Qualifier = 'approximately' | 'over' | 'under' | 'nearly' | 'at least' | 'up to';

/** How a sentence ties a figure to time. */
export type Period =
  | { fiscalYear: number }
  | { fiscalYearFrom: number; fiscalYearTo: number }
  | { from: string; to: string };

export interface Figure {
  /** Stable within a revision: `f{n}` in text order. */
  id: string;
  /**
   * Stable across revisions: the same figure keeps its key when its value or wording changes (see
   * shared/pipeline/figure-keys.ts). Unique in its sheet and never reused. The parser leaves it unset;
   * every stored figure has one.
   */
  key?: string;
  kind: FigureKind;
  /** money/percent/count/duration: a number; date: ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: number | string;
  /** ISO 4217 for money, `%` for percent, the counted noun for count, day|week|month|year for duration. */
  unit?: string;
  /** Exactly `ParsedSheet.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  qualifier?: Qualifier;
  period?: Period;
  /** Date figures only: a fiscal year (`FY 2021`). */
  fiscal?: boolean;
  /** Date figures only: the end of a range (`2018-2021` → value 2018, to 2021). */
  to?: string;
  sectionId: string;
  /** The trimmed sentence holding the figure; at most 300 characters around it when the sentence is longer. */
  sentence: string;
}

export interface ListItem {
  text: string;
  href?: string;
}

export type Block = { type: 'paragraph'; text: string } | { type: 'list'; items: ListItem[] };

export interface Section {
  /** Slug, unique in the sheet; the lead (no heading) is `lead`. */
  id: string;
  heading: string | null;
  level: number;
  /** Offsets into `ParsedSheet.text` covering the heading and every block. */
  start: number;
  end: number;
  blocks: Block[];
}

export interface ParsedSheet {
  id: string;
  title: string | null;
  country: string | null;
  bureau: string | null;
  /** ISO date (`YYYY-MM-DD`) from the page header, when present. */
  publishedOn: string | null;
  parserVersion: string;
  /** sha256 hex of the source bytes as received. */
  sourceHash: string;
  contentType: ContentType;
  /** Normalized plain text; every offset indexes it. */
  text: string;
  sections: Section[];
  figures: Figure[];
}

export interface ParseOptions {
  id?: string;
  contentType?: ContentType;
  /** Reject sources larger than this many bytes (default 2 MB). */
  maxBytes?: number;
}
