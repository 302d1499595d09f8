import { isBureauLine, isHeaderLine, isTitleLine, parseDateLine } from '../header-lines';
import { collapseSpaces, endsSentence, wordCount } from '../inline-text';
import type { RawBlock } from '../raw-block';
import { bulletLength, isTitleLike, PROSE_WORDS } from './line-kinds';

/** What the top of a page holds above its first line of prose. */
export interface PageTop {
  /** Header lines (title, bureau, document type, date) for the frame to absorb. */
  headerLines: string[];
  /** A title that is not of the "U.S. Relations With X" form, found by its position. */
  title: string | null;
  /** Section headings and data rows found above the prose, in order. */
  blocks: RawBlock[];
  /** The lines from the first line of prose on. */
  rest: string[];
}

/** Site tabs above a sheet ("Highlights", "Policy & History"): a title only when nothing else is. */
const TAB_LABEL = /^(?:highlights|overview|u\.s\. relationships?|policy (?:&|and) history|at a glance)$/iu;
/** "U.S.-Kenya Relations", "U.S. – Papua New Guinea Relations": always a section heading. */
const RELATIONS_HEADING = /^U\.\s?S\.?\s*[-–—]\s*\S.{0,60}\s+Relations$/iu;
/** Lines of the top zone that run together as one navigation block are dropped when at least this many. */
const NAV_BLOCK_LINES = 3;

/**
 * Reads the top of a page: everything above the first line of prose. Above the prose a page has its
 * header (title, bureau, document type, date, in any order), perhaps a title in some other form, perhaps
 * the first section heading — and site furniture: navigation lists, logos, tabs, widget labels, image
 * alt text. Header lines are kept for the frame, the first free-standing title-like line is the title
 * (unless it follows the bureau line, where the title has already been), later ones are headings, and
 * everything else is dropped. Null when there is nothing above the prose, or no prose at all.
 */
export function readPageTop(lines: readonly string[]): PageTop | null {
  const proseAt = firstProseLine(lines);
  if (proseAt <= 0) return null;
  const headerLines: string[] = [];
  const items: { text: string; candidate: boolean; afterBureau: boolean }[] = [];
  let afterBureau = false;
  let chunk: string[] = [];
  const flush = () => {
    const hasHeader = chunk.some((line) => isHeaderLine(line));
    const nav = !hasHeader && chunk.filter((line) => !isDataRow(line)).length >= NAV_BLOCK_LINES;
    for (const line of chunk) {
      if (isHeaderLine(line)) {
        headerLines.push(line);
        if (isBureauLine(line)) afterBureau = true;
      } else if (isDataRow(line) || (/\d/u.test(line) && !isTitleLike(line))) {
        // A number above the prose ("Population: 5.3 million") is content, whatever the line's shape.
        items.push({ text: line, candidate: false, afterBureau });
      } else if (!nav && isTitleLike(line) && !isLabelRow(line)) {
        items.push({ text: line, candidate: true, afterBureau });
      }
    }
    chunk = [];
  };
  for (let i = 0; i < proseAt; i++) {
    const line = collapseSpaces(lines[i]!);
    if (line === '') flush();
    // Short bullets above the prose are navigation menus.
    else if (bulletLength(lines[i]!) === 0) chunk.push(line);
  }
  flush();
  return { headerLines, ...assignTitle(items, headerLines), rest: lines.slice(proseAt) };
}

function assignTitle(
  items: readonly { text: string; candidate: boolean; afterBureau: boolean }[],
  headerLines: readonly string[],
): { title: string | null; blocks: RawBlock[] } {
  const standard = headerLines.find((line) => isTitleLine(line));
  let title: string | null = null;
  let titled = standard !== undefined;
  const blocks: RawBlock[] = [];
  const lastCandidate = items.findLastIndex((item) => item.candidate);
  for (const [index, item] of items.entries()) {
    if (!item.candidate) {
      blocks.push({ kind: 'paragraph', text: item.text });
      continue;
    }
    const known = title ?? standard;
    if (known !== undefined && known !== null && known.toLowerCase() === item.text.toLowerCase()) continue;
    if (TAB_LABEL.test(item.text) && index < lastCandidate) continue;
    if (titled || item.afterBureau || RELATIONS_HEADING.test(item.text)) {
      blocks.push({ kind: 'heading', text: item.text, level: 2 });
    } else {
      title = item.text;
      titled = true;
    }
  }
  return { title, blocks };
}

/**
 * The index of the first line of prose: a line of text (not title-like) of eight words or more, a sentence
 * of six, any line of sixteen words, or a line introducing a list.
 * When it is a bullet, the zone ends where its run of bullets starts, so no item of that list is lost.
 * -1 when there is none.
 */
function firstProseLine(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!isProse(lines[i]!) && !introducesList(lines, i)) continue;
    let start = i;
    while (start > 0 && bulletLength(lines[i]!) > 0 && bulletLength(lines[start - 1]!) > 0) start--;
    return start;
  }
  return -1;
}

/** "Goals include:" above bullets: the start of the body however short. */
function introducesList(lines: readonly string[], index: number): boolean {
  const line = lines[index]!.trim();
  if (!line.endsWith(':') || bulletLength(line) > 0) return false;
  let next = index + 1;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  return next < lines.length && bulletLength(lines[next]!) > 0;
}

function isProse(raw: string): boolean {
  const line = collapseSpaces(raw.slice(bulletLength(raw)));
  if (line === '' || isHeaderLine(line)) return false;
  const words = wordCount(line, 16);
  if (words >= 16 && !isLabelRow(line)) return true;
  if (isTitleLike(line) || isLabelRow(line)) return false;
  return words >= PROSE_WORDS || (words >= 6 && endsSentence(line));
}

/** A row of a flattened table: several separate numbers ("Education 388-010 4,750 3,500 3,000"). */
function isDataRow(line: string): boolean {
  return parseDateLine(line) === null && (line.match(/\d[\d,.]*/gu)?.length ?? 0) >= 2;
}

/**
 * Column labels or menu entries run together ("Capital Area Languages Population Currency"): five or
 * more capitalized words with no small word or punctuation between them, which a heading rarely is.
 */
function isLabelRow(line: string): boolean {
  const words = line.split(/\s+/u);
  return words.length >= 5 && words.every((word) => /^\p{Lu}[\p{L}’']*$/u.test(word));
}
