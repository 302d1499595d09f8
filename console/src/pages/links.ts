/** Links between the revision pages: a figure's history, a diff between two revisions. */
import { href } from '../router';

export function historyHref(sheetId: string, key: string): string {
  return href('sheets', sheetId, 'figures', key);
}

export function diffHref(sheetId: string, from: number, to: number): string {
  return `${href('sheets', sheetId, 'diff')}?from=${from}&to=${to}`;
}

/** The page of a sheet's revisions. */
export function revisionsHref(sheetId: string): string {
  return href('sheets', sheetId, 'revisions');
}

/** The API path of a sheet resource: `/sheets/{id}` plus encoded segments. */
export function sheetPath(sheetId: string, ...rest: string[]): string {
  return ['/sheets', sheetId, ...rest].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}

/** One path segment or query value, encoded. */
export const enc = encodeURIComponent;
