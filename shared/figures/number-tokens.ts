/**
 * Tokenizer for numbers: one compiled pattern finds every digit group, number word and connector; everything
 * else in the text is skipped by the regex engine, so the parser only walks number-relevant tokens.
 */
import { HUNDRED_WORDS, ORDINALS, SCALES, TEENS, TENS, UNITS } from './number-words';
import { NUMBER_WORD_PATTERN } from './number-words';

export type TokenClass =
  | 'num'
  | 'unit'
  | 'teen'
  | 'tens'
  | 'hundred'
  | 'scale'
  | 'lscale'
  | 'dozen'
  | 'ord'
  | 'half'
  | 'quarter'
  | 'a'
  | 'and'
  | 'point'
  | 'neg'
  | 'over'
  | 'out'
  | 'of'
  | 'dash'
  | 'slash'
  | 'caret'
  | 'plus';

export interface Token {
  cls: TokenClass;
  start: number;
  end: number;
  /** Lower-case source text of the token. */
  word: string;
  /** Numeric meaning: digits value, word value, scale factor or denominator. */
  value: number;
  /** Ordinals and scales: written in the plural (`fifths`). */
  plural: boolean;
  /** Digits only: written with a decimal separator (so never a fraction numerator). */
  decimal: boolean;
}

const DIGITS_STRICT = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?: \d{3})+(?![\d,]|\.\d\d\d)|\d+`;
// Lenient mode also reads a comma as a decimal separator when it cannot be a thousands separator (`1,3`).
const DIGITS_LENIENT = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?: \d{3})+(?![\d,]|\.\d\d\d)|(?<![\d,])\d+,\d{1,2}(?![\d,])|\d+`;

function tokenPattern(digits: string): RegExp {
  return new RegExp(
    String.raw`(?<digits>(?:(?:${digits})(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(?<suffix>[a-z]+)?` +
      String.raw`|\b(?<word>${NUMBER_WORD_PATTERN}|an|a|and|point|minus|negative|over|out|of|bln|bn|mln|mn|tln|tn|mil|mm|k|g|m|b)\b` +
      String.raw`|(?<sym>[-/^+])`,
    'gi',
  );
}

const STRICT = tokenPattern(DIGITS_STRICT);
const LENIENT = tokenPattern(DIGITS_LENIENT);

const LETTER_SCALE_VALUES: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  mm: 1e6,
  mil: 1e6,
  mn: 1e6,
  mln: 1e6,
  g: 1e9,
  b: 1e9,
  bn: 1e9,
  bln: 1e9,
  tn: 1e12,
  tln: 1e12,
};

/** The factor of an abbreviated scale written after digits, or undefined when `suffix` is a unit (`ml`). */
export function letterScale(suffix: string, attached: boolean): number | undefined {
  // A lone lower-case `m` glued to digits is a metre far more often than a million (`1m`).
  if (attached && suffix === 'm') return undefined;
  return LETTER_SCALE_VALUES[suffix.toLowerCase()];
}

function wordToken(word: string, start: number, end: number): Token | undefined {
  const base = (cls: TokenClass, value: number, plural = false): Token => ({
    cls,
    start,
    end,
    word,
    value,
    plural,
    decimal: false,
  });
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  if (word in UNITS) return base('unit', UNITS[word] ?? 0);
  if (word in TEENS) return base('teen', TEENS[word] ?? 0);
  if (word in TENS) return base('tens', TENS[word] ?? 0);
  if (HUNDRED_WORDS.has(word)) return base('hundred', 100, word.endsWith('s'));
  if (singular in SCALES) return base('scale', SCALES[singular] ?? 1, word !== singular);
  if (singular in ORDINALS) return base('ord', ORDINALS[singular] ?? 1, word !== singular);
  switch (word) {
    case 'dozen':
    case 'dozens':
    case 'dzs':
    case 'dozs':
      return base('dozen', 12, word !== 'dozen');
    case 'half':
    case 'halves':
      return base('half', 2, word === 'halves');
    case 'quarter':
    case 'quarters':
      return base('quarter', 4, word === 'quarters');
    case 'a':
    case 'an':
      return base('a', 1);
    case 'and':
      return base('and', 0);
    case 'point':
      return base('point', 0);
    case 'minus':
    case 'negative':
      return base('neg', 0);
    case 'over':
      return base('over', 0);
    case 'out':
      return base('out', 0);
    case 'of':
      return base('of', 0);
    default: {
      const factor = LETTER_SCALE_VALUES[word];
      return factor === undefined ? undefined : base('lscale', factor);
    }
  }
}

function digitsValue(raw: string): number {
  const lastComma = raw.lastIndexOf(',');
  // `1,3` / `5,00`: a comma followed by one or two final digits is a decimal comma (lenient pattern only).
  if (lastComma >= 0 && /^\d+,\d{1,2}$/.test(raw)) return Number(raw.replace(',', '.'));
  return Number(raw.replace(/[, ]/g, ''));
}

/**
 * Tokenizes `copy` (a matching copy: plain spaces and dashes). Digits glued to a unit (`180ml`, `4th`) yield
 * no token, so they never become numbers.
 */
export function tokenize(copy: string, lenient: boolean): Token[] {
  const pattern = lenient ? LENIENT : STRICT;
  pattern.lastIndex = 0;
  const tokens: Token[] = [];
  for (let m = pattern.exec(copy); m !== null; m = pattern.exec(copy)) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    if (g.digits !== undefined) {
      const digitsEnd = start + g.digits.length;
      const token: Token = {
        cls: 'num',
        start,
        end: digitsEnd,
        word: g.digits,
        value: digitsValue(g.digits),
        plural: false,
        decimal: /[.e]/i.test(g.digits) || /^\d+,\d{1,2}$/.test(g.digits),
      };
      if (g.suffix === undefined) {
        tokens.push(token);
        continue;
      }
      const factor = letterScale(g.suffix, true);
      if (factor === undefined) continue;
      tokens.push({ ...token, end, value: token.value * factor, decimal: true });
      continue;
    }
    if (g.word !== undefined) {
      const token = wordToken(g.word.toLowerCase(), start, end);
      if (token !== undefined) tokens.push(token);
      continue;
    }
    const sym = g.sym ?? '';
    const cls: TokenClass = sym === '-' ? 'dash' : sym === '/' ? 'slash' : sym === '^' ? 'caret' : 'plus';
    tokens.push({ cls, start, end, word: sym, value: 0, plural: false, decimal: false });
  }
  return tokens;
}
