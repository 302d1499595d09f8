/**
 * Key formats of the single table (see table-definition.ts for the full layout). Numbers are zero-padded so
 * lexical order is numeric order and `begins_with(sk, 'REV#00000002')` never matches revision 20.
 */

export const META_SK = 'META';
export const SHEETS_GSI_PK = 'SHEETS';

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const sheetPk = (id: string): string => `SHEET#${id}`;

/** The revision's commit marker (and the prefix of every item of that revision). */
export const revisionSk = (rev: number): string => `REV#${pad(rev, 8)}`;

/** Prefix of the items one publish attempt wrote for a revision: `REV#{rev}#{attempt}#`. */
export const attemptPrefix = (rev: number, attempt: string): string => `${revisionSk(rev)}#${attempt}#`;

export const attemptHeaderSk = (rev: number, attempt: string): string => `${attemptPrefix(rev, attempt)}H`;
export const sectionSk = (rev: number, attempt: string, n: number): string =>
  `${attemptPrefix(rev, attempt)}S#${pad(n, 4)}`;
/** Part `part` of a section or figure item too large for one DynamoDB item. */
export const partSk = (itemSk: string, part: number): string => `${itemSk}#P#${pad(part, 3)}`;
export const figureSk = (rev: number, attempt: string, n: number): string =>
  `${attemptPrefix(rev, attempt)}F#${pad(n, 5)}`;
export const textSk = (rev: number, attempt: string, n: number): string =>
  `${attemptPrefix(rev, attempt)}T#${pad(n, 3)}`;

/** gsi1 partition listing a sheet's committed revisions (commit markers). */
export const revisionsGsiPk = (id: string): string => `REVS#${id}`;

export const ERROR_SK_PREFIX = 'ERR#';
export const errorSk = (at: string, nonce: string): string => `${ERROR_SK_PREFIX}${at}#${nonce}`;

// The LATEST#… projection's keys live with it, in latest-figures.ts.

/** Splits a string into chunks of at most `size` UTF-16 units without cutting a surrogate pair. */
export function chunkString(text: string, size: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}
