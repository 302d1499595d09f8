import { isSiteFurniture } from './furniture';

/**
 * Recognizers for the header lines a fact sheet carries above its body (title, bureau, document type,
 * date) and for the site furniture around it. Shared by the text and HTML readers.
 */

const TITLE = /^U\.\s?S\.\s+Relations\s+With\s+(\S.*?)\s*$/iu;
const BUREAU = /^(?:Bureau|Office)\s+(?:of|for)\s+\S.{0,100}$/u;
const DOC_TYPE = /^(?:[A-Z][\w-]*\s+){0,4}Fact\s+Sheet$/iu;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH_NAME}\s+(\d{1,2}),?\s+(\d{4})$`, 'iu');
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\s+${MONTH_NAME}\s+(\d{4})$`, 'iu');
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
const READER_NOTE =
  /^(?:Note to (?:our )?readers\b|For (?:the )?(?:most recent(?:ly published)? versions?|archived versions?) of\b)/iu;
/** Release labels a press release or media note carries above its title. */
const RELEASE_LABEL =
  /^(?:for immediate release|immediate release|press release|news release|media note|press statement|readout|joint statement|embargoed until\b.{0,40})$/iu;
const MAX_FURNITURE_LINE = 400;
const FURNITURE = new Set([
  'u.s. department of state',
  'united states department of state',
  'department of state',
  'diplomacy in action',
  'back to top',
  'return to top',
  'top of page',
  'share',
  'share this page',
  'print',
  'email',
  'related articles',
  'related content',
  'tags',
]);

/** The country in a "U.S. Relations With X" title, or null when the line is not such a title. */
export function countryFromTitle(line: string): string | null {
  const match = TITLE.exec(line.trim());
  return match?.[1] ? match[1].replace(/[.\s]+$/u, '') : null;
}

/** "U.S. Relations With Kenya". */
export function isTitleLine(line: string): boolean {
  return countryFromTitle(line) !== null && line.length <= 120;
}

/** "Bureau of African Affairs", "Office of the Spokesperson". */
export function isBureauLine(line: string): boolean {
  return BUREAU.test(line.trim()) && !/[.;]$/u.test(line.trim());
}

/** "Fact Sheet", "Bilateral Relations Fact Sheet", "For Immediate Release", "Press Release". */
export function isDocTypeLine(line: string): boolean {
  const value = line.trim();
  return DOC_TYPE.test(value) || RELEASE_LABEL.test(value);
}

/** A line that is only a date ("January 21, 2015"), as an ISO `YYYY-MM-DD`; null otherwise or if invalid. */
export function parseDateLine(line: string): string | null {
  const parts = dateParts(line.trim());
  return parts === null ? null : isoDate(...parts);
}

const DATE_INSIDE = new RegExp(String.raw`${MONTH_NAME}\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}`, 'iu');

/** The first date in a line such as "Published January 10, 2022", as ISO `YYYY-MM-DD`; null when none. */
export function findDate(line: string): string | null {
  const match = DATE_INSIDE.exec(line);
  return match ? parseDateLine(match[0]) : null;
}

/** "Note to our readers: …" — an archive notice about the site, not part of the sheet. */
export function isReaderNote(text: string): boolean {
  return READER_NOTE.test(text.trim());
}

/** Site furniture around a sheet's body: the department's name, its tagline, share links, banners. */
export function isFurnitureLine(line: string): boolean {
  // Furniture is a short line; a paragraph is not lower-cased and searched only to find that out.
  if (line.length > MAX_FURNITURE_LINE) return false;
  const key = line.trim().toLowerCase().replace(/\s+/gu, ' ').replace(/[:|]$/u, '');
  return FURNITURE.has(key) || isSiteFurniture(line);
}

/** Any header line: title, bureau, document type or date. */
export function isHeaderLine(line: string): boolean {
  return isTitleLine(line) || isBureauLine(line) || isDocTypeLine(line) || parseDateLine(line) !== null;
}

/** [year, month, day] of a date-only line, in any of the three accepted shapes. */
function dateParts(value: string): [number, number, number] | null {
  const mdy = MONTH_DAY_YEAR.exec(value);
  if (mdy) return [Number(mdy[3]), monthIndex(mdy[1]!), Number(mdy[2])];
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) return [Number(dmy[3]), monthIndex(dmy[2]!), Number(dmy[1])];
  const iso = ISO_DATE.exec(value);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  return null;
}

function monthIndex(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((month) => month.startsWith(prefix)) + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
