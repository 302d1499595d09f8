/**
 * Date figures: full dates (`November 9, 2021`, `9 November 2021`), month-year (`March 2012`), fiscal years
 * (`FY 2021`, `FY 2011-2020`), year ranges (`2018-2021`). Bare years come from the number scan instead.
 */
import type { RawFigure } from './raw-figure';

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

// Capitalized month names only: `may` the verb and `march` the noun are not dates.
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const YEAR = String.raw`(?:1[5-9]|20|21)\d{2}`;

const DATE = new RegExp(
  [
    String.raw`\b(?<mdyM>${MONTH})\s+(?<mdyD>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?<mdyY>${YEAR})\b`,
    String.raw`\b(?<rM>${MONTH})\s*(?:-|to|through|until|and)\s*(?<rToM>${MONTH}),?\s+(?<rY>${YEAR})\b`,
    String.raw`\b(?<dmyD>\d{1,2})\s+(?<dmyM>${MONTH})\.?,?\s+(?<dmyY>${YEAR})\b`,
    String.raw`\b(?<myM>${MONTH}),?\s+(?<myY>${YEAR})\b`,
    String.raw`\b(?:FY|[Ff]iscal [Yy]ear(?:\s*\(FY\))?)\s?'?(?<fy>${YEAR}|\d{2})\b(?:\s?-\s?(?:FY\s?)?(?<fyTo>${YEAR}|\d{2})\b)?`,
    String.raw`\b(?<from>${YEAR})\s?-\s?(?<to>${YEAR}|\d{2})\b(?!-)`,
    String.raw`\b(?<mdM>${MONTH})\s+(?<mdD>\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\s*\d)`,
  ].join('|'),
  'g',
);

function monthNumber(name: string): number {
  return MONTHS[name.replace('.', '').toLowerCase()] ?? 0;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Two-digit years (`FY21`, `2018-21`) take the century of `base`. */
function fullYear(raw: string, base?: string): string {
  if (raw.length === 4) return raw;
  return `${base === undefined ? '20' : base.slice(0, 2)}${raw}`;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Date figures of `copy` in text order. A month and day without a year (`June 7`) takes the year of the last
 * dated figure before it in the same text window the caller resolves; here it is returned with
 * `value: '--MM-DD'` so the caller can resolve or drop it.
 */
export function extractDates(copy: string): RawFigure[] {
  const out: RawFigure[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(copy); m !== null; m = DATE.exec(copy)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    const month = monthNumber(g.mdyM ?? g.dmyM ?? g.myM ?? g.mdM ?? '');
    if (g.mdyY !== undefined || g.dmyY !== undefined) {
      const year = g.mdyY ?? g.dmyY ?? '';
      const day = Number(g.mdyD ?? g.dmyD);
      if (validDay(Number(year), month, day))
        out.push({ kind: 'date', value: `${year}-${pad(month)}-${pad(day)}`, start, end });
    } else if (g.rY !== undefined) {
      // `from February to October 2008`: both months take the year written once.
      const toMonth = monthNumber(g.rToM ?? '');
      const from = monthNumber(g.rM ?? '');
      const toAt = end - m[0].length + m[0].lastIndexOf(g.rToM ?? '');
      if (from < toMonth) {
        out.push({ kind: 'date', value: `${g.rY}-${pad(from)}`, start, end: start + (g.rM ?? '').length });
        out.push({ kind: 'date', value: `${g.rY}-${pad(toMonth)}`, start: toAt, end });
      }
    } else if (g.myY !== undefined) {
      out.push({ kind: 'date', value: `${g.myY}-${pad(month)}`, start, end });
    } else if (g.fy !== undefined) {
      const from = fullYear(g.fy);
      const to = g.fyTo === undefined ? undefined : fullYear(g.fyTo, from);
      if (to === undefined) out.push({ kind: 'date', value: from, start, end, fiscal: true });
      else if (to > from) out.push({ kind: 'date', value: from, to, start, end, fiscal: true });
    } else if (g.from !== undefined && g.to !== undefined) {
      const to = fullYear(g.to, g.from);
      if (to > g.from) out.push({ kind: 'date', value: g.from, to, start, end });
    } else if (g.mdD !== undefined) {
      const day = Number(g.mdD);
      if (validDay(2000, month, day))
        out.push({ kind: 'date', value: `--${pad(month)}-${pad(day)}`, start, end });
    }
  }
  return out;
}
