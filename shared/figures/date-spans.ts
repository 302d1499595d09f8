/**
 * Dates and date periods in any casing and the numeric forms of everyday writing (`02/22/2016`,
 * `2019-sep-1`, `the third quarter of 2016`, `from 4 to 22 January, 2017`, `summer of 2016`), each
 * resolved to a TIMEX-style value: `2016-01-12`, `2001-01`, `2027-W03`, `2016-SU`, a range `start/end`.
 * Only absolute dates: nothing here depends on today's date. The conformance run compares these with the
 * Recognizers-Text suite; the fact-sheet extractor keeps its stricter rules (capitalized month names).
 */

export interface DateSpan {
  start: number;
  end: number;
  value: string;
}

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const M = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const D = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const Y = String.raw`\d{4}`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const ORDINAL = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';
const ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };
const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function month(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (MONTH_NUMBERS[word.slice(0, 3).toLowerCase()] ?? 0);
}

function ordinal(word: string): number {
  return ORDINALS[word.toLowerCase()] ?? Number.parseInt(word, 10);
}

function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function twoDigitYear(raw: string): number {
  return raw.length === 2 ? 2000 + Number(raw) : Number(raw);
}

// One full date; the groups say which order it is written in.
const DATE = String.raw`(?<![\d.,/])${WEEKDAY}(?:(?<mdyM>${M})\s*(?<mdyD>${D})(?:,\s*|\s+of\s+|\s+)(?<mdyY>${Y})|(?<dmyD>${D})\.?\s+(?:of\s+)?(?<dmyM>${M})(?:,\s*|\s+of\s+|\s+)(?<dmyY>${Y})|(?<nA>\d{1,2})(?<sep>[/.-])(?<nB>\d{1,2})(?:\k<sep>|,)(?<nY>\d{4}|\d{2})(?![\d/.-])|(?<yY>${Y})(?<ysep>[/.-])(?<yM>\d{1,2}|${M})\k<ysep>(?<yD>\d{1,2})(?!\d))`;

/** The ISO value of a {@link DATE} match, or undefined when it names no real day. */
function dateValue(g: Record<string, string | undefined>): string | undefined {
  if (g.mdyY !== undefined)
    return ymd(Number(g.mdyY), month(g.mdyM ?? ''), Number.parseInt(g.mdyD ?? '', 10));
  if (g.dmyY !== undefined)
    return ymd(Number(g.dmyY), month(g.dmyM ?? ''), Number.parseInt(g.dmyD ?? '', 10));
  if (g.yY !== undefined) return ymd(Number(g.yY), month(g.yM ?? ''), Number(g.yD));
  const a = Number(g.nA);
  const b = Number(g.nB);
  const y = twoDigitYear(g.nY ?? '');
  // `13.5.2015` and `21/04/2016` are day first; `02/22/2016` and `9-18-15` month first.
  return g.sep === '.' || a > 12 ? ymd(y, b, a) : ymd(y, a, b);
}

interface Rule {
  pattern: RegExp;
  value: (g: Record<string, string | undefined>, m: RegExpExecArray) => string | undefined;
}

const namedDate = (suffix: string) =>
  new RegExp(DATE.replace(/\?<(\w+)>/g, `?<$1${suffix}>`).replace(/\\k<(\w+)>/g, `\\k<$1${suffix}>`));

function stripped(g: Record<string, string | undefined>, suffix: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(g)) if (k.endsWith(suffix)) out[k.slice(0, -suffix.length)] = v;
  return out;
}

const FROM = namedDate('1').source;
const TO = namedDate('2').source;

const RULES: readonly Rule[] = [
  {
    // `January 12, 2016 - 02/22/2016`, `from 26th june of 2020 to 28th june of 2020`
    pattern: new RegExp(
      String.raw`(?:\b(?:from|between)\s+)?${FROM}\s*(?:-|to|until|till|through|and)\s*${TO}`,
      'gi',
    ),
    value: (g) => {
      const a = dateValue(stripped(g, '1'));
      const b = dateValue(stripped(g, '2'));
      return a !== undefined && b !== undefined && a < b ? `${a}/${b}` : undefined;
    },
  },
  {
    // `from 2015/08/12 until October 22`: the end takes the start's year.
    pattern: new RegExp(
      String.raw`\b(?:from|between)\s+${FROM}\s+(?:to|until|till|through|and)\s+(?<eM>${M})\s*(?<eD>${D})\b`,
      'gi',
    ),
    value: (g) => {
      const a = dateValue(stripped(g, '1'));
      const b =
        a === undefined
          ? undefined
          : ymd(Number(a.slice(0, 4)), month(g.eM ?? ''), Number.parseInt(g.eD ?? '', 10));
      return a !== undefined && b !== undefined && a < b ? `${a}/${b}` : undefined;
    },
  },
  {
    // `from 4 to 22 January, 2017`, `between 4-22 January, 2017`
    pattern: new RegExp(
      String.raw`\b(?:from|between)\s+(?<d1>${D})\s*(?:-|to|until|and)\s*(?<d2>${D})\s+(?:of\s+)?(?<m>${M}),?\s+(?<y>${Y})\b`,
      'gi',
    ),
    value: (g) => {
      const y = Number(g.y);
      const m = month(g.m ?? '');
      const a = ymd(y, m, Number.parseInt(g.d1 ?? '', 10));
      const b = ymd(y, m, Number.parseInt(g.d2 ?? '', 10));
      return a !== undefined && b !== undefined && a < b ? `${a}/${b}` : undefined;
    },
  },
  { pattern: new RegExp(DATE, 'gi'), value: (g) => dateValue(g) },
  {
    // `the third quarter of 2016`, `2016 the third quarter`, `the third- quarter of 2016`
    pattern: new RegExp(
      String.raw`\b(?:(?:the\s+)?(?<q1>${ORDINAL})-?\s*quarter\s+of\s+(?<y1>${Y})|(?<y2>${Y})\s+the\s+(?<q2>${ORDINAL})-?\s*quarter)\b`,
      'gi',
    ),
    value: (g) => {
      const q = ordinal(g.q1 ?? g.q2 ?? '');
      const y = Number(g.y1 ?? g.y2);
      const next = q === 4 ? `${y + 1}-01-01` : `${y}-${pad(q * 3 + 1)}-01`;
      return `${y}-${pad(q * 3 - 2)}-01/${next}`;
    },
  },
  {
    pattern: new RegExp(String.raw`\bthe\s+(?<w>${ORDINAL})\s+week\s+of\s+(?<y>${Y})\b`, 'gi'),
    value: (g) => `${g.y}-W${pad(ordinal(g.w ?? ''))}`,
  },
  {
    pattern: new RegExp(String.raw`\b(?<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?<y>${Y})\b`, 'gi'),
    value: (g) => `${g.y}-${SEASONS[(g.s ?? '').toLowerCase()] ?? ''}`,
  },
  {
    pattern: new RegExp(String.raw`\b(?<m>${M}),?\s+(?<y>${Y})\b`, 'gi'),
    value: (g) => `${g.y}-${pad(month(g.m ?? ''))}`,
  },
  {
    // `2015.3`, `2015-3`, `2015/3`, `3/2015`
    pattern: /(?<![\d.,/-])(?:(?<y1>\d{4})[./-](?<m1>\d{1,2})|(?<m2>\d{1,2})\/(?<y2>\d{4}))(?![\d.,/-])/g,
    value: (g) => {
      const m = Number(g.m1 ?? g.m2);
      return m >= 1 && m <= 12 ? `${g.y1 ?? g.y2}-${pad(m)}` : undefined;
    },
  },
];

/** Every absolute date or date period of `text`, longest first where they overlap, in text order. */
export function extractDateSpans(text: string): DateSpan[] {
  const found: DateSpan[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      const value = rule.value(m.groups ?? {}, m);
      if (value !== undefined) found.push({ start: m.index, end: m.index + m[0].length, value });
      if (m[0].length === 0) rule.pattern.lastIndex++;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateSpan[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (last === undefined || d.start >= last.end) out.push(d);
  }
  return out;
}
