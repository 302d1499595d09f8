/**
 * Tokenizer for numbers: one compiled pattern finds every digit group, number word and connector; everything
 * else in the text is skipped by the regex engine, so the parser only walks number-relevant tokens.
 */
import { HUNDRED_WORDS, LETTER_SCALES, ORDINALS, SCALES, TEENS, TENS, UNITS } from './number-words';

/** What a token is to the number grammar: digits, a number word, a connector or a symbol. */
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

/** One number-relevant token of the matching copy; prose in between is never tokenized. */
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

// A thousands group followed by one more digit is a footnote marker fused to the number (`300,0001`).
const FOOTNOTED = String.raw`\d{1,3}(?:,\d{3})+(?=\d(?![\d,]))`;
const DIGITS_STRICT = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|${FOOTNOTED}|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?: \d{3})+(?![\d,]|\.\d\d\d)|\d+`;
// Lenient mode also reads a comma as a decimal separator when it cannot be a thousands separator (`1,3`).
const DIGITS_LENIENT = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|${FOOTNOTED}|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?: \d{3})+(?![\d,]|\.\d\d\d)|(?<![\d,])\d+,\d{1,2}(?![\d,])|\d+`;

function digitPattern(digits: string): RegExp {
  // Sticky: tried only where the lexer sees a digit or a `.` before a digit.
  return new RegExp(String.raw`((?:(?:${digits})(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)([a-z]+)?`, 'iy');
}

const STRICT = digitPattern(DIGITS_STRICT);
const LENIENT = digitPattern(DIGITS_LENIENT);

/** The factor of an abbreviated scale written after digits, or undefined when `suffix` is a unit (`ml`). */
export function letterScale(suffix: string, attached: boolean): number | undefined {
  // A lone lower-case `m` or `g` glued to digits is a metre or a gram far more often than a scale (`1m`, `5g`).
  if (attached && (suffix === 'm' || suffix === 'g')) return undefined;
  return LETTER_SCALES[suffix.toLowerCase()];
}

interface Entry {
  cls: TokenClass;
  value: number;
  plural: boolean;
}

/** Every number-relevant word, built once: a Map lookup per word is the whole cost of skipping prose. */
const LEXICON: ReadonlyMap<string, Entry> = (() => {
  const m = new Map<string, Entry>();
  const add = (word: string, cls: TokenClass, value: number, plural = false) =>
    m.set(word, { cls, value, plural });
  for (const [w, v] of Object.entries(UNITS)) add(w, 'unit', v);
  for (const [w, v] of Object.entries(TEENS)) add(w, 'teen', v);
  for (const [w, v] of Object.entries(TENS)) add(w, 'tens', v);
  for (const w of HUNDRED_WORDS) add(w, 'hundred', 100, w.endsWith('s'));
  for (const [w, v] of Object.entries(SCALES)) {
    add(w, 'scale', v);
    add(`${w}s`, 'scale', v, true);
  }
  for (const [w, v] of Object.entries(ORDINALS)) {
    add(w, 'ord', v);
    add(`${w}s`, 'ord', v, true);
  }
  for (const w of ['dozen', 'dozens', 'dzs', 'dozs']) add(w, 'dozen', 12, w !== 'dozen');
  add('half', 'half', 2);
  add('halves', 'half', 2, true);
  add('quarter', 'quarter', 4);
  add('quarters', 'quarter', 4, true);
  add('a', 'a', 1);
  add('an', 'a', 1);
  add('and', 'and', 0);
  add('point', 'point', 0);
  add('minus', 'neg', 0);
  add('negative', 'neg', 0);
  add('over', 'over', 0);
  add('out', 'out', 0);
  add('of', 'of', 0);
  for (const [w, v] of Object.entries(LETTER_SCALES)) add(w, 'lscale', v);
  return m;
})();

function digitsValue(raw: string): number {
  const lastComma = raw.lastIndexOf(',');
  // `1,3` / `5,00`: a comma followed by one or two final digits is a decimal comma (lenient pattern only).
  if (lastComma >= 0 && /^\d+,\d{1,2}$/.test(raw)) return Number(raw.replace(',', '.'));
  return Number(raw.replace(/[, ]/g, ''));
}

const VULGAR_FRACTIONS: Readonly<Record<string, number>> = {
  '½': 1 / 2,
  '⅓': 1 / 3,
  '⅔': 2 / 3,
  '¼': 1 / 4,
  '¾': 3 / 4,
  '⅕': 1 / 5,
  '⅖': 2 / 5,
  '⅗': 3 / 5,
  '⅘': 4 / 5,
  '⅙': 1 / 6,
  '⅚': 5 / 6,
  '⅛': 1 / 8,
  '⅜': 3 / 8,
  '⅝': 5 / 8,
  '⅞': 7 / 8,
};

// (first letter, length) pairs of the lexicon: most prose words are rejected without a slice or lookup.
const MAY_BE_WORD = (() => {
  const flags = new Uint8Array(26 * 13);
  for (const w of LEXICON.keys()) if (w.length <= 12) flags[(w.charCodeAt(0) - 97) * 13 + w.length] = 1;
  return flags;
})();

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function symbolClass(c: number): TokenClass | undefined {
  if (c === 45) return 'dash';
  if (c === 47) return 'slash';
  if (c === 94) return 'caret';
  if (c === 43) return 'plus';
  return undefined;
}

/**
 * Tokenizes `copy` (a matching copy: plain spaces and dashes). Digits glued to a unit (`180ml`, `4th`) yield
 * no token, so they never become numbers.
 */
export function tokenize(copy: string, lenient: boolean): Token[] {
  // A hand-rolled lexer: one pass over char codes, a Map lookup per word and a sticky regex per digit run
  // is several times faster than one big alternation tried at every position.
  const digits = lenient ? LENIENT : STRICT;
  const tokens: Token[] = [];
  const n = copy.length;
  let i = 0;
  while (i < n) {
    const c = copy.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(copy.charCodeAt(j))) j++;
      if (j - i <= 12 && MAY_BE_WORD[((c | 32) - 97) * 13 + (j - i)] === 1) {
        let word = copy.slice(i, j);
        let entry = LEXICON.get(word);
        if (entry === undefined && c < 97) {
          word = word.toLowerCase();
          entry = LEXICON.get(word);
        }
        if (entry !== undefined)
          tokens.push({
            cls: entry.cls,
            start: i,
            end: j,
            word,
            value: entry.value,
            plural: entry.plural,
            decimal: false,
          });
      }
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(copy.charCodeAt(i + 1)))) {
      digits.lastIndex = i;
      const m = digits.exec(copy);
      const raw = m?.[1];
      if (m === null || raw === undefined) {
        i++;
        continue;
      }
      const end = i + m[0].length;
      // The footnote digit after `300,000` belongs to no number.
      i = m[2] === undefined && isDigit(copy.charCodeAt(end)) && /,\d{3}$/.test(raw) ? end + 1 : end;
      const token: Token = {
        cls: 'num',
        start: m.index,
        end: m.index + raw.length,
        word: raw,
        value: digitsValue(raw),
        plural: false,
        decimal: /[.e]/i.test(raw) || /^\d+,\d{1,2}$/.test(raw),
      };
      const suffix = m[2];
      if (suffix === undefined) tokens.push(token);
      else {
        // Digits glued to letters: a scale (`10k`) or else a unit (`180ml`, `4th`) that makes it no number.
        // `$5m` is money in millions; a bare `5m` is more often metres.
        const factor = letterScale(suffix, !/[$€£]\s?$/.test(copy.slice(Math.max(0, m.index - 2), m.index)));
        if (factor !== undefined) tokens.push({ ...token, end, value: token.value * factor, decimal: true });
      }
      continue;
    }
    const vulgar = VULGAR_FRACTIONS[copy.charAt(i)];
    if (vulgar !== undefined) {
      const prev = tokens[tokens.length - 1];
      // `2½`: a fraction glued to an integer adds to it.
      if (prev?.cls === 'num' && prev.end === i && !prev.decimal) {
        prev.end = i + 1;
        prev.value += vulgar;
        prev.decimal = true;
      } else
        tokens.push({
          cls: 'num',
          start: i,
          end: i + 1,
          word: copy.charAt(i),
          value: vulgar,
          plural: false,
          decimal: true,
        });
      i++;
      continue;
    }
    const sym = symbolClass(c);
    if (sym !== undefined)
      tokens.push({
        cls: sym,
        start: i,
        end: i + 1,
        word: copy.charAt(i),
        value: 0,
        plural: false,
        decimal: false,
      });
    i++;
  }
  return tokens;
}
