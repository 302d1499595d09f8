import { parseSheet } from '../../shared/index';
import type { ParsedSheet } from '../../shared/model';

/** A sentence long enough to be prose on its own. */
export const PROSE = 'The United States and the partner country work together on health, trade and security.';

export function parseText(source: string): ParsedSheet {
  return parseSheet(source, { contentType: 'text/plain' });
}

export function headings(sheet: ParsedSheet): (string | null)[] {
  return sheet.sections.map((s) => s.heading).filter((h) => h !== null);
}
