/**
 * What a cross-sheet figure query means, independent of any store: how countries compare, which fiscal
 * years a figure covers, which figures a query matches, and the one order results come in (sheet id, then
 * the figure's position in that sheet's latest revision), spelled as a position string both stores page by.
 */
import { ValidationError } from '../errors';
import type { Figure, FigureKind } from '../model';
import { pad } from './keys';

export interface FigureFilter {
  kind?: FigureKind;
  fiscalYear?: number;
  country?: string;
  /** Only these sheets (any order, duplicates allowed). */
  sheets?: readonly string[];
}

/** `The Gambia`, `gambia` and ` GAMBIA ` compare equal: case, spacing and a leading "the" are ignored. */
export function countryKey(country: string): string {
  return country.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().replace(/^the /, '');
}

/**
 * A period longer than this is indexed under its first MAX_INDEXED_SPAN years only, so one hostile
 * figure (`FY 1900–2200`) cannot mint hundreds of index items.
 */
export const MAX_INDEXED_SPAN = 50;

/** Every fiscal year a figure is about: its fiscal year, each year of its fiscal span, or a fiscal date's. */
export function fiscalYearsOf(figure: Figure): number[] {
  const { period } = figure;
  if (period && 'fiscalYear' in period) return [period.fiscalYear];
  if (period && 'fiscalYearFrom' in period) {
    const from = Math.min(period.fiscalYearFrom, period.fiscalYearTo);
    const to = Math.min(Math.max(period.fiscalYearFrom, period.fiscalYearTo), from + MAX_INDEXED_SPAN - 1);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  if (figure.kind === 'date' && figure.fiscal && typeof figure.value === 'string') {
    const year = Number(figure.value.slice(0, 4));
    if (Number.isInteger(year)) return [year];
  }
  return [];
}

/** Whether a figure of a sheet (with that sheet's country) matches every filter but `sheets`. */
export function figureMatches(filter: FigureFilter, figure: Figure, country: string | null): boolean {
  if (filter.kind !== undefined && figure.kind !== filter.kind) return false;
  if (filter.fiscalYear !== undefined && !fiscalYearsOf(figure).includes(filter.fiscalYear)) return false;
  if (
    filter.country !== undefined &&
    (country === null || countryKey(country) !== countryKey(filter.country))
  )
    return false;
  return true;
}

/** Width of the figure number in positions and index sort keys. */
export const POSITION_WIDTH = 5;

/**
 * `{sheetId}#{n:5}`: sorts as (sheet id, figure number), since `#` sorts before every id character.
 * Results come in this order, and a page's cursor is the position of the last figure it read.
 */
export const figurePosition = (sheetId: string, n: number): string => `${sheetId}#${pad(n, POSITION_WIDTH)}`;

/** Past every figure of the sheet: where a cursor resumes after a sheet read to its end. */
export const endOfSheet = (sheetId: string): string => `${sheetId}#${'9'.repeat(POSITION_WIDTH)}`;

const POSITION = /^([a-z0-9-]{1,64})#(\d{5})$/;

/** Splits a position from a store cursor; anything else is a 400 naming `cursor`. */
export function parsePosition(position: string): { sheetId: string; n: number } {
  const match = POSITION.exec(position);
  if (!match) {
    throw new ValidationError(
      'Invalid cursor: pass back the nextCursor of a previous page unchanged',
      'cursor',
    );
  }
  return { sheetId: match[1]!, n: Number(match[2]) };
}
