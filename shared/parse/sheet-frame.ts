import {
  countryFromTitle,
  isBureauLine,
  isDocTypeLine,
  isFurnitureLine,
  isReaderNote,
  isTitleLine,
  parseDateLine,
} from './header-lines';
import type { RawBlock } from './raw-block';

/** Header metadata found above a sheet's body. */
export interface SheetHeader {
  title: string | null;
  bureau: string | null;
  publishedOn: string | null;
}

/**
 * Strips the frame around a sheet's body: leading header blocks (title, bureau, "Fact Sheet", date — as
 * separate blocks or as the lines of one block), "Note to our readers" notices, and trailing furniture
 * (the department's name, headings with nothing under them). Header values fill the fields of `known`
 * that are still null.
 */
export function stripFrame(
  blocks: readonly RawBlock[],
  known: SheetHeader,
): { header: SheetHeader; body: RawBlock[] } {
  const header = { ...known };
  let first = 0;
  for (; first < blocks.length; first++) {
    const block = blocks[first]!;
    if (block.kind === 'list') break;
    const lines = block.kind === 'paragraph' && block.lines ? block.lines : [block.text];
    if (!lines.every((line) => absorbHeaderLine(line, header))) break;
  }
  const body = blocks
    .slice(first)
    .filter((block) => !(block.kind === 'paragraph' && isReaderNote(block.text)));
  return { header, body: dropTrailingFurniture(body) };
}

/** Removes trailing headings that head nothing and trailing furniture lines. */
export function dropTrailingFurniture(blocks: RawBlock[]): RawBlock[] {
  let end = blocks.length;
  while (end > 0) {
    const last = blocks[end - 1]!;
    const furniture = last.kind === 'heading' || (last.kind === 'paragraph' && isFurnitureLine(last.text));
    if (!furniture) break;
    end--;
  }
  return end === blocks.length ? blocks : blocks.slice(0, end);
}

/** Records `line` in `header` when it is a header line; false when it is body text. */
function absorbHeaderLine(raw: string, header: SheetHeader): boolean {
  const line = raw.trim();
  if (line === '') return true;
  if (isTitleLine(line)) {
    if (header.title === null) header.title = line;
    return true;
  }
  if (header.title !== null && line.toLowerCase() === header.title.toLowerCase()) return true;
  if (isBureauLine(line)) {
    header.bureau ??= line;
    return true;
  }
  if (isDocTypeLine(line) || isFurnitureLine(line)) return true;
  const date = parseDateLine(line);
  if (date !== null) {
    header.publishedOn ??= date;
    return true;
  }
  return false;
}

const LEAD_COUNTRY = /\bMore information about\s+(.{1,80}?)\s+is available\b/u;

/** The sheet's country: from a "U.S. Relations With X" title, else from a "More information about X" line. */
export function findCountry(title: string | null, text: string): string | null {
  const fromTitle = title === null ? null : countryFromTitle(title);
  if (fromTitle !== null) return fromTitle;
  const match = LEAD_COUNTRY.exec(text.length > 20_000 ? text.slice(0, 20_000) : text);
  return match?.[1] ?? null;
}
