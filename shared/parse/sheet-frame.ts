import { countriesIn, firstCountryIn } from './country';
import { isSiteFurniture } from './furniture';
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
 * separate blocks or as the lines of one block), "Note to our readers" notices, blocks that are only site
 * furniture (banner lines, captions, share and search widgets), and trailing furniture
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
  const body = blocks.slice(first).filter((block) => !isFrameBlock(block));
  return { header, body: dropTrailingFurniture(body) };
}

/** A reader notice about the site, or a heading or paragraph that is only site furniture. */
function isFrameBlock(block: RawBlock): boolean {
  if (block.kind === 'list') return false;
  return (block.kind === 'paragraph' && isReaderNote(block.text)) || isSiteFurniture(block.text);
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
const RELATIONS_HEADING = /^U\.\s?S\.?\s*[-–—]\s*(\S.{0,60}?)\s+Relations$/iu;
/** How far into the text the country is looked for: a sheet names its country early. */
const COUNTRY_WINDOW = 20_000;
/** Mentions the most-named country needs before it counts as the sheet's country. */
const MIN_MENTIONS = 3;

/**
 * The sheet's country, from the strongest signal present: a "U.S. Relations With X" title, a "U.S.-X
 * Relations" heading, a country named in the title, the "More information about X" lead, a country named
 * in a heading, else the country the text names most (three times or more, and in most of all the
 * country mentions: a survey of many countries is about none of them).
 */
export function findCountry(
  title: string | null,
  text: string,
  headings: readonly (string | null)[] = [],
): string | null {
  const fromTitle = title === null ? null : countryFromTitle(title);
  if (fromTitle !== null) return fromTitle;
  for (const heading of headings) {
    const relation = heading === null ? null : RELATIONS_HEADING.exec(heading.trim());
    if (relation?.[1]) return firstCountryIn(relation[1]) ?? relation[1];
  }
  const inTitle = title === null ? null : firstCountryIn(title);
  if (inTitle !== null) return inTitle;
  const window = text.length > COUNTRY_WINDOW ? text.slice(0, COUNTRY_WINDOW) : text;
  const lead = LEAD_COUNTRY.exec(window);
  if (lead?.[1]) return lead[1];
  for (const heading of headings) {
    const named = heading === null ? null : firstCountryIn(heading);
    if (named !== null) return named;
  }
  return mostNamed(countriesIn(window));
}

function mostNamed(names: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
  if (top === undefined || top[1] < MIN_MENTIONS || top[1] * 2 <= names.length) return null;
  return top[0];
}
