/**
 * How one revision becomes table items and back. Items of a publish attempt live under
 * `REV#{rev}#{attempt}#…` (header H, sections S, figures F, text chunks T); the commit marker `REV#{rev}`
 * names the attempt that won. Payloads are stored as JSON strings (`body`, `data`): the items are only ever
 * read whole, and one string attribute is far cheaper to marshal and to store than nested maps. Every item
 * stays far below DynamoDB's 400 KB limit: the text is chunked and an oversized section spills into parts.
 */
import type { Figure, ParsedSheet, Section } from '../model';
import type { Item } from './dynamo-table';
import {
  attemptHeaderSk,
  attemptPrefix,
  chunkString,
  figureSk,
  partSk,
  revisionSk,
  sectionSk,
  sheetPk,
  textSk,
} from './keys';
import type { RevisionHeader } from './ports';

/** UTF-16 units per text chunk / section part: at most ~300 KB of UTF-8, under the 400 KB item limit. */
export const CHUNK_CHARS = 100_000;

/** The scalar fields of a ParsedSheet (everything but text, sections and figures). */
export type SheetScalars = Omit<ParsedSheet, 'text' | 'sections' | 'figures'>;

/** What the attempt header and the commit marker hold. */
export interface HeaderItemBody {
  header: RevisionHeader;
  sheet: SheetScalars;
  textChunks: number;
  sectionCount: number;
  figureCount: number;
  /**
   * The S3 key of the revision document holding text, sections and figures. Absent on revisions written
   * before revision documents: their content is the attempt's S/F/T items (`revisionItems`).
   */
  document?: string;
}

/** UTF-16 units of header JSON above which the diff's figure lists are left out (400 KB item limit). */
export const MAX_HEADER_CHARS = 120_000;

export function headerBody(header: RevisionHeader, sheet: ParsedSheet): HeaderItemBody {
  const { text, sections, figures, ...scalars } = sheet;
  const body: HeaderItemBody = {
    header,
    sheet: scalars,
    textChunks: chunkString(text, CHUNK_CHARS).length,
    sectionCount: sections.length,
    figureCount: figures.length,
  };
  const { diff } = header;
  if (!diff || JSON.stringify(body).length <= MAX_HEADER_CHARS) return body;
  const figuresOmitted = { added: [], removed: [], changed: [] };
  return { ...body, header: { ...header, diff: { ...diff, figures: figuresOmitted, figuresOmitted: true } } };
}

/**
 * Every item of one publish attempt (header first), as revisions were stored before revision documents.
 * Nothing publishes this layout any more; it stays as the definition `assembleContent` reads back, so
 * data dirs and tables written by older versions keep serving (and tests can write such revisions).
 */
export function revisionItems(body: HeaderItemBody, sheet: ParsedSheet, attempt: string): Item[] {
  const pk = sheetPk(sheet.id);
  const rev = body.header.revision;
  const items: Item[] = [{ pk, sk: attemptHeaderSk(rev, attempt), body: JSON.stringify(body) }];
  // A section or figure too large for one item (a huge paragraph or sentence) spills into `#P#` parts.
  const pushJson = (sk: string, value: unknown) => {
    const json = JSON.stringify(value);
    if (json.length <= CHUNK_CHARS) {
      items.push({ pk, sk, data: json });
      return;
    }
    const parts = chunkString(json, CHUNK_CHARS);
    items.push({ pk, sk, parts: parts.length });
    parts.forEach((part, p) => {
      items.push({ pk, sk: partSk(sk, p), part });
    });
  };
  sheet.sections.forEach((section, n) => {
    pushJson(sectionSk(rev, attempt, n), section);
  });
  sheet.figures.forEach((figure, n) => {
    pushJson(figureSk(rev, attempt, n), figure);
  });
  chunkString(sheet.text, CHUNK_CHARS).forEach((text, n) => {
    items.push({ pk, sk: textSk(rev, attempt, n), text });
  });
  return items;
}

/** The commit marker: the header body plus the winning attempt, listed through gsi1. */
export function markerItem(body: HeaderItemBody, attempt: string, gsi1: Record<string, string>): Item {
  const { header } = body;
  return {
    pk: sheetPk(header.id),
    sk: revisionSk(header.revision),
    attempt,
    ...gsi1,
    body: JSON.stringify(body),
  };
}

/** The header body of an attempt-header or marker item. */
export function readBody(item: Item): HeaderItemBody {
  return JSON.parse(item.body as string) as HeaderItemBody;
}

/** Sections, figures and text of one attempt, from its items in sort-key order. */
export interface RevisionContent {
  sections: Section[];
  figures: Figure[];
  text: string;
}

/**
 * Rebuilds the content from items of one attempt (any order, other attempts already removed). Items past
 * the counts in the header are leftovers of an earlier failed attempt with the same id and are ignored.
 */
export function assembleContent(
  items: readonly Item[],
  rev: number,
  attempt: string,
  counts?: Pick<HeaderItemBody, 'textChunks' | 'sectionCount' | 'figureCount'>,
): RevisionContent {
  const prefix = attemptPrefix(rev, attempt);
  const sorted = [...items].sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  const sections: Section[] = [];
  const figures: Figure[] = [];
  const text: string[] = [];
  // Spilled values: kind + index → their parts, in sort-key (= part) order.
  const parts = new Map<string, string[]>();
  for (const item of sorted) {
    const rest = item.sk.slice(prefix.length).split('#');
    const kind = rest[0];
    const n = Number(rest[1]);
    if (rest[2] === 'P') {
      parts.get(`${kind}#${n}`)?.push(item.part as string);
      continue;
    }
    if (kind === 'T') {
      if (counts && n >= counts.textChunks) continue;
      text[n] = item.text as string;
      continue;
    }
    if (kind !== 'S' && kind !== 'F') continue;
    if (counts && n >= (kind === 'S' ? counts.sectionCount : counts.figureCount)) continue;
    if (typeof item.data !== 'string') {
      parts.set(`${kind}#${n}`, []);
      continue;
    }
    if (kind === 'S') sections[n] = JSON.parse(item.data) as Section;
    else figures[n] = JSON.parse(item.data) as Figure;
  }
  for (const [key, chunks] of parts) {
    const [kind, n] = key.split('#');
    const value = JSON.parse(chunks.join(''));
    if (kind === 'S') sections[Number(n)] = value as Section;
    else figures[Number(n)] = value as Figure;
  }
  return { sections: sections.filter(Boolean), figures: figures.filter(Boolean), text: text.join('') };
}
