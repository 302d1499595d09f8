/**
 * Turns numbers into money, percent, count, duration and year figures by what is written around them.
 */
import { currencyAfter, currencyBefore } from './currency';
import type { NumberSpan } from './numbers';
import { qualifierBefore } from './qualifier';
import type { RawFigure } from './raw-figure';

const PERCENT_AFTER = /^\s?(?:%|(?:per\s?cent|percent|pct)(?:age(?:\s+points?)?|s)?\b)/i;
const PERCENT_BEFORE = /\b(?:per\s?cents?|percents?|percentages?)\s+of\s+$/i;
const DURATION_AFTER = /^(?:\s?-\s?|\s+)(day|week|month|year)s?\b(?!-old)/i;

// Plural nouns that do not name what is counted.
const NOT_COUNTED = new Set([
  'times',
  'percent',
  'days',
  'weeks',
  'months',
  'years',
  'decades',
  'hours',
  'minutes',
  'seconds',
  'is',
  'was',
  'has',
  'as',
  'its',
  'this',
  'thus',
  'plus',
  'less',
  'his',
  'us',
  'was',
  'does',
  'towards',
  'across',
  'perhaps',
  'always',
  'sometimes',
  'whereas',
  'includes',
  'represents',
  'remains',
  'continues',
  'seeks',
  'aims',
]);
const IRREGULAR_PLURALS = new Set([
  'people',
  'children',
  'men',
  'women',
  'personnel',
  'staff',
  'police',
  'youth',
  'cattle',
  'livestock',
]);

const WORD_AFTER = /^\s+([A-Za-z][a-z]*|[A-Z]{2,}s)\b/;
// `IDPs surged past 372,000`: a plural subject, a verb, then the number.
const NOUN_BEFORE =
  /\b([A-Z]{2,}s|[a-z]{3,}s)\s+(?:[a-z]+ed|rose|grew|fell|reached|hit|topped|stood\s+at|number(?:ed)?)\s+(?:(?:approximately|about|around|roughly|over|past|more\s+than|nearly|almost|less\s+than|under|below|above|at\s+least|up\s+to)\s+)?$/;

function isPluralNoun(word: string | undefined): word is string {
  if (word === undefined) return false;
  if (IRREGULAR_PLURALS.has(word.toLowerCase())) return true;
  if (/^[A-Z]{2,}s$/.test(word)) return true;
  // Demonyms: `1.2 million Kenyans`, `Malians`.
  if (/^[A-Z][a-z]+(?:ans|ese)$/.test(word)) return true;
  return /^[a-z]{3,}s$/.test(word) && !/(?:ss|us|is)$/.test(word) && !NOT_COUNTED.has(word);
}

/** The counted noun right after a number (`people`, `member countries`), with where it ends. */
function countedNounAfter(copy: string, pos: number): { unit: string; end: number } | undefined {
  const w1 = WORD_AFTER.exec(copy.slice(pos, pos + 32));
  const first = w1?.[1];
  if (w1 === null || first === undefined) return undefined;
  const end1 = pos + w1[0].length;
  if (isPluralNoun(first)) return { unit: first, end: end1 };
  // One modifier may come first (`15 member countries`).
  if (!/^[a-z]+$/.test(first) || NOT_MODIFIERS.has(first)) return undefined;
  const w2 = WORD_AFTER.exec(copy.slice(end1, end1 + 32));
  const second = w2?.[1];
  if (w2 === null || !isPluralNoun(second)) return undefined;
  return { unit: `${first} ${second}`, end: end1 + w2[0].length };
}

// Function words that cannot modify a counted noun (`15 of the countries` counts nothing).
const NOT_MODIFIERS = new Set([
  'of',
  'the',
  'a',
  'an',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'from',
  'percent',
  'per',
  'is',
  'are',
  'was',
  'were',
  'that',
  'which',
]);

function isYear(n: NumberSpan, copy: string): boolean {
  return !n.words && n.end - n.start === 4 && /^(?:1[89]|20)\d\d$/.test(copy.slice(n.start, n.end));
}

/**
 * Classifies one number. Returns the figure with its span (which may grow to take in a currency sign, `%`,
 * a currency or counted noun) or undefined when the number is not a figure.
 */
export function classifyNumber(copy: string, n: NumberSpan, lenient: boolean): RawFigure | undefined {
  const before = currencyBefore(copy, n.start);
  const after = currencyAfter(copy, n.end);
  if (before !== undefined || after !== undefined) {
    const unit = (before ?? after)?.unit ?? 'USD';
    const minor = before === undefined && after?.minor === true;
    return {
      kind: 'money',
      value: minor ? round(n.value / 100) : n.value,
      unit,
      start: before?.at ?? n.start,
      end: after?.at ?? n.end,
    };
  }
  const pct = PERCENT_AFTER.exec(copy.slice(n.end, n.end + 24));
  if (pct !== null)
    return { kind: 'percent', value: n.value, unit: '%', start: n.start, end: n.end + pct[0].length };
  if (lenient) {
    const pb = PERCENT_BEFORE.exec(copy.slice(Math.max(0, n.start - 24), n.start));
    if (pb !== null)
      return { kind: 'percent', value: n.value, unit: '%', start: n.start - pb[0].length, end: n.end };
  }
  const dur = DURATION_AFTER.exec(copy.slice(n.end, n.end + 12));
  if (dur !== null && Number.isInteger(n.value) && n.value > 0 && !isYear(n, copy)) {
    return {
      kind: 'duration',
      value: n.value,
      unit: (dur[1] ?? 'year').toLowerCase(),
      start: n.start,
      end: n.end + dur[0].length,
    };
  }
  if (isYear(n, copy)) return { kind: 'date', value: copy.slice(n.start, n.end), start: n.start, end: n.end };
  // Spelled-out `one`, fractions and the like are prose, not counts.
  if (!Number.isInteger(n.value) && n.value < 1000) return undefined;
  if (n.words && n.value < 2) return undefined;
  const noun = countedNounAfter(copy, n.end);
  if (noun !== undefined)
    return { kind: 'count', value: n.value, unit: noun.unit, start: n.start, end: noun.end };
  if (!n.words) {
    const back = NOUN_BEFORE.exec(copy.slice(Math.max(0, n.start - 64), n.start));
    if (back?.[1] !== undefined)
      return { kind: 'count', value: n.value, unit: back[1], start: n.start, end: n.end };
  }
  return undefined;
}

/** Cents to dollars without binary noise (`0.29` not `0.28999…`). */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Adds the qualifier written before the figure, if any. */
export function withQualifier(copy: string, f: RawFigure): RawFigure {
  if (f.kind === 'date') return f;
  const q = qualifierBefore(copy, f.start);
  return q === undefined ? f : { ...f, qualifier: q.qualifier };
}
