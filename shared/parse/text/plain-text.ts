import type { ListItem } from '../../model';
import { dropInlineImages, isEmptyBullet } from '../furniture';
import { isFurnitureLine, isHeaderLine } from '../header-lines';
import { collapseSpaces, endsSentence, wordCount } from '../inline-text';
import type { ExtractedDocument, RawBlock } from '../raw-block';
import { type Chunk, splitChunks } from './chunks';
import { bulletLength, isShortLine, isTitleLike, PROSE_WORDS } from './line-kinds';
import { readPageTop } from './page-top';
import { splitRunInHeading } from './run-in';

/** A unit before headings are confirmed: `candidate` marks a title-like line standing alone. */
type Unit =
  | { kind: 'paragraph'; text: string; candidate: boolean }
  | { kind: 'list'; items: ListItem[]; bulleted: boolean };

/**
 * Reads a plain-text fact sheet into blocks. Rules: title-like lines standing alone are
 * headings; bullet lines are list items; a line ending in ":" introduces a list of the short lines after
 * it; prose broken by a stray blank line mid-sentence is joined; header lines at the top (title, bureau,
 * "Fact Sheet", date) become metadata. Trailing furniture is removed later by `stripFrame`.
 */
export function readPlainText(text: string): ExtractedDocument {
  const lines = contentLines(text.replace(/\r\n?/gu, '\n'));
  const top = readPageTop(lines);
  const chunks = splitChunks((top?.rest ?? lines).join('\n'));
  const headerLines = top?.headerLines ?? takeHeaderLines(chunks);
  const units = joinBrokenParagraphs(chunksToUnits(chunks));
  const hasBody = units.some((unit) => unit.kind === 'list' || !unit.candidate);
  const blocks: RawBlock[] = [...(top?.blocks ?? [])];
  for (const [index, unit] of units.entries()) {
    if (unit.kind === 'list') blocks.push({ kind: 'list', items: unit.items });
    else if (hasBody && unit.candidate && !isCutParagraph(units, index))
      blocks.push({ kind: 'heading', text: unit.text, level: 2 });
    else for (const block of splitRunInHeading(unit.text)) blocks.push(block);
  }
  let title = top?.title ?? null;
  if (title !== null && recursAsHeading(title, units)) {
    // A label that heads later sections too is a section label, not the document's title.
    blocks.splice(top?.blocks.length ?? 0, 0, { kind: 'heading', text: title, level: 2 });
    title = null;
  }
  if (headerLines.length > 0)
    blocks.unshift({ kind: 'paragraph', text: headerLines.join(' '), lines: headerLines });
  return { blocks, title, bureau: null, publishedOn: null };
}

/**
 * The last unit, title-like, right after a heading: the start of that heading's paragraph that the end of
 * the excerpt cut ("U.S. Assistance to Fiji" / "The U.S. Government"), so text rather than a heading.
 */
function isCutParagraph(units: readonly Unit[], index: number): boolean {
  const previous = units[index - 1];
  return index === units.length - 1 && previous?.kind === 'paragraph' && previous.candidate;
}

function recursAsHeading(title: string, units: readonly Unit[]): boolean {
  const key = title.toLowerCase();
  return units.some((unit) => unit.kind === 'paragraph' && unit.candidate && unit.text.toLowerCase() === key);
}

/** The source's lines without site furniture and empty bullets; inline images are dropped from prose. */
function contentLines(text: string): string[] {
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (isEmptyBullet(line) || isFurnitureLine(line)) continue;
    kept.push(dropInlineImages(line));
  }
  return kept;
}

/** Removes the leading header lines (title, bureau, document type, date) from `chunks` and returns them. */
function takeHeaderLines(chunks: Chunk[]): string[] {
  const taken: string[] = [];
  let chunkIndex = 0;
  for (; chunkIndex < chunks.length; chunkIndex++) {
    const chunk = chunks[chunkIndex]!;
    let lineIndex = 0;
    while (lineIndex < chunk.length && isHeaderLine(chunk[lineIndex]!))
      taken.push(chunk[lineIndex++]!.trim());
    if (lineIndex < chunk.length) {
      // Splice once: shifting line by line would be quadratic on a long run of header-like lines.
      chunk.splice(0, lineIndex);
      break;
    }
  }
  chunks.splice(0, chunkIndex);
  return taken;
}

function chunksToUnits(chunks: readonly Chunk[]): Unit[] {
  const units: Unit[] = [];
  for (const chunk of chunks) {
    const previous = units.at(-1);
    const introduced = previous?.kind === 'paragraph' && previous.text.endsWith(':');
    if (introduced && chunk.every((line) => bulletLength(line) === 0) && isIntroducedList(chunk)) {
      units.push({ kind: 'list', items: chunk.map(toItem), bulleted: false });
      continue;
    }
    for (const unit of readChunk(chunk)) {
      const last = units.at(-1);
      // Bullets separated by blank lines are still one list.
      if (unit.kind === 'list' && unit.bulleted && last?.kind === 'list' && last.bulleted) {
        // A loop, not push(...items): spreading 100,000 items would overflow the argument stack.
        for (const item of unit.items) last.items.push(item);
      } else {
        units.push(unit);
      }
    }
  }
  return units;
}

function isIntroducedList(chunk: Chunk): boolean {
  return chunk.length > 1 || isShortLine(chunk[0]!);
}

/** One chunk → paragraphs and lists, in order. */
function readChunk(chunk: Chunk): Unit[] {
  if (chunk.length === 1 && bulletLength(chunk[0]!) === 0) {
    const text = collapseSpaces(chunk[0]!);
    return [{ kind: 'paragraph', text, candidate: isTitleLike(text) }];
  }
  const units: Unit[] = [];
  let prose: string[] = [];
  let items: ListItem[] | null = null;
  let itemIndent = 0;
  const flushProse = () => {
    if (prose.length === 0) return;
    units.push(proseUnit(prose));
    prose = [];
  };
  for (let index = 0; index < chunk.length; index++) {
    const line = chunk[index]!;
    const bullet = bulletLength(line);
    if (bullet > 0) {
      flushProse();
      if (items === null) {
        items = [];
        units.push({ kind: 'list', items, bulleted: true });
      }
      items.push({ text: collapseSpaces(line.slice(bullet)) });
      itemIndent = bullet;
      continue;
    }
    const last = items?.at(-1);
    if (last && (leadingSpaces(line) >= itemIndent || /^\s*\p{Ll}/u.test(line))) {
      // Only the new line needs collapsing: the item text is already collapsed (linear on long items).
      last.text = `${last.text} ${collapseSpaces(line)}`;
      continue;
    }
    items = null;
    if (isHeadingInChunk(chunk, index, prose.length === 0)) {
      flushProse();
      units.push({ kind: 'paragraph', text: collapseSpaces(line), candidate: true });
      continue;
    }
    prose.push(line);
    if (line.trimEnd().endsWith(':') && introducesRest(chunk, index + 1)) {
      flushProse();
      units.push({ kind: 'list', items: chunk.slice(index + 1).map(toItem), bulleted: false });
      break;
    }
  }
  flushProse();
  return units;
}

/**
 * A heading written without blank lines around it: a title-like line at the start of the chunk or after a
 * finished sentence, followed by a capitalized line of text. A wrapped line of prose that happens to be
 * capitalized ends in a small word or follows an unfinished sentence, so it stays prose.
 */
function isHeadingInChunk(chunk: Chunk, index: number, afterBreak: boolean): boolean {
  const line = chunk[index]!;
  if (!afterBreak && !endsSentence(chunk[index - 1]!)) return false;
  if (!isTitleLike(line) || SMALL_WORD_END.test(line.trimEnd()) || NUMBERS.test(line)) return false;
  // A heading and a sub-heading ("Our Work" / "Agriculture"), then text; three title-like lines are a list.
  let end = index + 1;
  while (end < chunk.length && end <= index + MAX_STACKED_HEADINGS && isTitleLike(chunk[end]!)) end++;
  const next = chunk[end];
  if (end - index > MAX_STACKED_HEADINGS || next === undefined) return false;
  return /^\s*\p{Lu}/u.test(next) && bulletLength(next) === 0;
}

const MAX_STACKED_HEADINGS = 2;
/** Two separate numbers: a table row, not a heading. */
const NUMBERS = /\d[\d,.]*\D+\d/u;

const SMALL_WORD_END = /\s(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|with)$/iu;

/** True when every line from `from` on is a short, unbulleted line (and there is at least one). */
function introducesRest(chunk: Chunk, from: number): boolean {
  if (from >= chunk.length) return false;
  for (let i = from; i < chunk.length; i++) {
    if (bulletLength(chunk[i]!) > 0 || !isShortLine(chunk[i]!)) return false;
  }
  return true;
}

/** Lines without bullets: a list when every line is title-like ("USAID Mali Page"), else wrapped prose. */
function proseUnit(lines: string[]): Unit {
  if (lines.length > 1 && lines.every((line) => isTitleLike(line))) {
    return { kind: 'list', items: lines.map(toItem), bulleted: false };
  }
  const text = collapseSpaces(lines.join(' '));
  return { kind: 'paragraph', text, candidate: lines.length === 1 && isTitleLike(text) };
}

/** Joins prose that a stray blank line broke mid-sentence ("…DOS/Population,\n\nRefugees and Migration…"). */
function joinBrokenParagraphs(units: readonly Unit[]): Unit[] {
  const joined: Unit[] = [];
  // Parts of the paragraph being extended, joined once at the end: re-reading a growing concatenated
  // string on every step would flatten it each time (quadratic on a long run of broken chunks).
  let parts: string[] = [];
  let open: { text: string; candidate: boolean; words: number } | null = null;
  const close = () => {
    if (open !== null) joined.push({ kind: 'paragraph', text: parts.join(' '), candidate: open.candidate });
    open = null;
    parts = [];
  };
  for (const unit of units) {
    if (unit.kind === 'paragraph' && open !== null && continuesInto(open, unit)) {
      parts.push(unit.text);
      open = { text: unit.text, candidate: false, words: open.words + wordCount(unit.text, 8) };
      continue;
    }
    close();
    if (unit.kind === 'paragraph') {
      open = { text: unit.text, candidate: unit.candidate, words: wordCount(unit.text, 8) };
      parts = [unit.text];
    } else {
      joined.push(unit);
    }
  }
  close();
  return joined;
}

/** `previous.text` is the last joined part: its tail is the tail of the whole paragraph. */
function continuesInto(
  previous: { text: string; candidate: boolean; words: number },
  next: { text: string; candidate: boolean },
): boolean {
  if (previous.candidate || previous.words < PROSE_WORDS || endsSentence(previous.text)) return false;
  // A title-like line after an unfinished sentence is its continuation only when the break is mid-clause
  // (after a comma or a small word); after a missing full stop it is the next section's heading.
  return !next.candidate || /[,;-]$/u.test(previous.text) || SMALL_WORD_END.test(previous.text.slice(-8));
}

function toItem(line: string): ListItem {
  return { text: collapseSpaces(line.slice(bulletLength(line))) };
}

function leadingSpaces(line: string): number {
  return /^\s*/u.exec(line)?.[0].length ?? 0;
}
