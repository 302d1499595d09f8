import type { ListItem } from '../model';

/**
 * What the text and HTML readers produce before offsets exist: an ordered run of headings and blocks.
 * `lines` keeps a paragraph's visual lines (HTML `<br>`, text line breaks) for header and list recognition;
 * `hrefs[i]` is the link of line `i` when that line holds exactly one.
 */
export type RawBlock =
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'paragraph'; text: string; lines?: string[]; hrefs?: (string | undefined)[] }
  | { kind: 'list'; items: ListItem[] };

/** A source reduced to content blocks plus the header metadata the reader found. */
export interface ExtractedDocument {
  blocks: RawBlock[];
  title: string | null;
  bureau: string | null;
  /** ISO `YYYY-MM-DD`. */
  publishedOn: string | null;
}
