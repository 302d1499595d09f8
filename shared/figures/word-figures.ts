/**
 * Figures written without a number token: `decade-long` (10 year), `half a century` (50 year),
 * `a half-century`, `a half-ton` (0.5 ton).
 */
import type { RawFigure } from './raw-figure';

const PATTERN =
  /\b(?:(?<longUnit>decade|century)-long|(?:a\s+)?half\s+a\s+(?<halfOf>century|decade)|a\s+half-(?<halfHyph>century|decade)|(?:a\s+)?half-(?<halfQty>ton|tonne|mile|kilometer|kilometre|acre|hectare)\b)/gi;

const YEARS: Readonly<Record<string, number>> = { decade: 10, century: 100 };

/** Every such figure of `copy`, in text order. */
export function wordFigures(copy: string): RawFigure[] {
  const out: RawFigure[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(copy); m !== null; m = PATTERN.exec(copy)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.longUnit !== undefined) {
      out.push({ kind: 'duration', value: YEARS[g.longUnit.toLowerCase()] ?? 0, unit: 'year', start, end });
    } else if (g.halfOf !== undefined || g.halfHyph !== undefined) {
      const years = YEARS[(g.halfOf ?? g.halfHyph ?? '').toLowerCase()] ?? 0;
      out.push({ kind: 'duration', value: years / 2, unit: 'year', start, end });
    } else if (g.halfQty !== undefined) {
      out.push({ kind: 'count', value: 0.5, unit: g.halfQty.toLowerCase(), start, end });
    }
  }
  return out;
}
