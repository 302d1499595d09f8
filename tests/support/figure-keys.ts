/** Stored sheets carry figure keys the parser does not mint: compare the rest with a parse. */
import type { ParsedSheet } from '../../shared/model';

/** `sheet` without its figures' keys, after checking every figure has one. */
export function withoutFigureKeys(sheet: ParsedSheet | undefined): ParsedSheet | undefined {
  if (!sheet) return sheet;
  for (const figure of sheet.figures) expect(figure.key).toMatch(/^r\d+-\d+$/);
  return { ...sheet, figures: sheet.figures.map(({ key: _key, ...figure }) => figure) };
}
