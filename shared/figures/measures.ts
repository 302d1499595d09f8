/**
 * Turns numbers into money, percent, count, duration and year figures by what is written around them.
 */
import { currencyAfter, currencyBefore } from './currency';
import type { NumberSpan } from './numbers';
import { qualifierBefore } from './qualifier';
import type { RawFigure } from './raw-figure';

// `(?![a-z])`, not `\b`: a footnote digit may follow (`23.9 percent1`).
const PERCENT_AFTER = /^\s?(?:%|(?:per\s?cent|percent|pct)(?:age(?:\s+points?)?|s)?(?![a-z]))/i;
const PERCENT_BEFORE = /\b(?:per\s?cents?|percents?|percentages?)\s+of\s+$/i;
const DURATION_AFTER = /^(?:\s?-\s?|\s+)(day|week|month|year|decade|centur(?:y|ie))s?\b(?!-old)/i;
// `aged 15`, `ages 15-17`, `at age 6`: an age is a duration in years.
const AGE_BEFORE = /\b(?:aged|ages?)\s+(?:of\s+)?(?:between\s+)?$/i;
const YEARS_OF: Readonly<Record<string, number>> = { decade: 10, century: 100, centurie: 100 };

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

// `IDPs surged past 372,000`: a plural subject, a verb, then the number.
const NOUN_BEFORE =
  /\b([A-Z]{2,}s|[a-z]{3,}s)\s+(?:[a-z]+ed|rose|grew|fell|reached|hit|topped|stood\s+at|number(?:ed)?)\s+(?:(?:approximately|about|around|roughly|over|past|more\s+than|nearly|almost|less\s+than|under|below|above|at\s+least|up\s+to)\s+)?$/;

function isPluralNoun(word: string | undefined): boolean {
  if (word === undefined) return false;
  if (IRREGULAR_PLURALS.has(word.toLowerCase())) return true;
  if (/^[A-Z]{2,}s$/.test(word)) return true;
  // Demonyms: `1.2 million Kenyans`, `Malians`.
  if (/^[A-Z][a-z]+(?:ans|ese)$/.test(word)) return true;
  return /^[a-z]{3,}s$/.test(word) && !/(?:ss|us|is)$/.test(word) && !NOT_COUNTED.has(word);
}

/** The counted noun right after a number (`people`, `member countries`, `U.S. government agencies`). */
function countedNounAfter(copy: string, pos: number): { unit: string; end: number } | undefined {
  let at = pos;
  const words: string[] = [];
  // Up to three modifiers may come first (`15 member countries`, `three randomized clinical trials`).
  for (let k = 0; k < 4; k++) {
    const w = MODIFIER_OR_NOUN.exec(copy.slice(at, at + 40));
    const word = w?.[1];
    if (w === null || word === undefined) return undefined;
    at += w[0].length;
    words.push(word);
    if (isPluralNoun(word) || (k > 0 && /^[A-Z][a-z]{2,}s$/.test(word) && !/(?:ss|us|is)$/.test(word)))
      return { unit: words.join(' '), end: at };
    if (
      NOT_MODIFIERS.has(word.toLowerCase()) ||
      MONTH_WORD.test(word) ||
      (k === 0 && /^[A-Z][a-z]+s$/.test(word))
    )
      return undefined;
  }
  return undefined;
}

// `12 March`: a day, not the first word of a counted noun.
const MONTH_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

// A word after a number: a plain word, an acronym (`AIDS`), `U.S.`, or a hyphenated compound (`UN-member`).
const MODIFIER_OR_NOUN = /^\d?\s+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)*)(?![A-Za-z'-]|\.[A-Za-z])/;

/** `a million Burkinabe`: after a scaled number, a capitalized people's name is what is counted. */
function peopleAfterScale(copy: string, n: NumberSpan): { unit: string; end: number } | undefined {
  if (n.value < 1000 || !/(?:thousand|million|billion)$/i.test(copy.slice(n.start, n.end))) return undefined;
  const w = /^\s+([A-Z][a-z]{3,})\b/.exec(copy.slice(n.end, n.end + 24));
  const word = w?.[1];
  if (w === null || word === undefined || NOT_MODIFIERS.has(word.toLowerCase())) return undefined;
  return { unit: word, end: n.end + w[0].length };
}

// `more than 200 killed`, `600,000 of whom`: the noun is implied by what follows.
const IMPLIED_AFTER =
  /^\s+(?:of\s+(?:whom|them|which)\b|(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|injured|wounded|displaced|missing|arrested|detained|evacuated|rescued|affected)\b)/;
// `8.4 million: 2018 estimate`, `8.4 million (2018 est.)`.
const ESTIMATE_AFTER = /^\s*[:(]?\s*(?:\(\s*)?(?:July\s+)?(?:19|20)\d\d\s+est(?:\.|imated?\b)/;

function impliedCount(copy: string, n: NumberSpan): RawFigure | undefined {
  if (n.words && n.value < 100) return undefined;
  const after = copy.slice(n.end, n.end + 40);
  if (IMPLIED_AFTER.test(after)) return { kind: 'count', value: n.value, start: n.start, end: n.end };
  if (ESTIMATE_AFTER.test(after))
    return { kind: 'count', value: n.value, start: n.start, end: n.end, qualifier: 'approximately' };
  return undefined;
}

// Physical quantities are counts of their unit (`500 MW`, `3,000 km`, `20 metric tons`).
const PHYSICAL_UNIT =
  /^(?:\s?-?\s?)((?:MW|GW|kW|TW)h?|km2?|sq\.?\s?km|ha|kg|MT|mt|tonnes?|tons?|metric\s+tons?|megawatts?|gigawatts?|kilowatts?|kilometers?|kilometres?|miles?|hectares?|acres?|square\s+(?:kilometers?|kilometres?|miles?)|liters?|litres?|gallons?|barrels?|cubic\s+meters?)(?![A-Za-z])/;

function physicalQuantity(copy: string, n: NumberSpan): RawFigure | undefined {
  const m = PHYSICAL_UNIT.exec(copy.slice(n.end, n.end + 24));
  const unit = m?.[1];
  if (m === null || unit === undefined || n.value <= 0) return undefined;
  // The span takes the unit in, as it takes a counted noun in.
  return { kind: 'count', value: n.value, unit, start: n.start, end: n.end + m[0].length };
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
  'who',
  'whom',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'not',
  'also',
  'than',
  'into',
  'over',
  'under',
  'about',
  'as',
  'each',
  'this',
  'these',
  'those',
  'its',
  'their',
  'it',
  'they',
  'we',
  'be',
  'been',
]);

// Years before 1800 only where a preposition says so (`in 1777`): `1600 troops` is a count.
const EARLY_YEAR_BEFORE = /\b(?:in|since|from|until|by|of|to|and|year|circa)\s+$/i;

function isYear(n: NumberSpan, copy: string): boolean {
  if (n.words || n.end - n.start !== 4) return false;
  const digits = copy.slice(n.start, n.end);
  if (/^(?:1[89]|20)\d\d$/.test(digits)) return true;
  return /^1[5-7]\d\d$/.test(digits) && EARLY_YEAR_BEFORE.test(copy.slice(Math.max(0, n.start - 8), n.start));
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
  const dur = DURATION_AFTER.exec(copy.slice(n.end, n.end + 14));
  if (dur !== null && n.value > 0 && !isYear(n, copy)) {
    const word = (dur[1] ?? 'year').toLowerCase();
    const years = YEARS_OF[word];
    return {
      kind: 'duration',
      value: years === undefined ? n.value : n.value * years,
      unit: years === undefined ? word : 'year',
      start: n.start,
      end: n.end + dur[0].length,
    };
  }
  if (isYear(n, copy)) return { kind: 'date', value: copy.slice(n.start, n.end), start: n.start, end: n.end };
  if (n.value > 0 && n.value < 130 && AGE_BEFORE.test(copy.slice(Math.max(0, n.start - 16), n.start)))
    return { kind: 'duration', value: n.value, unit: 'year', start: n.start, end: n.end };
  const quantity = physicalQuantity(copy, n);
  if (quantity !== undefined) return quantity;
  // Spelled-out `one`, fractions and the like are prose, not counts.
  if (!Number.isInteger(n.value) && n.value < 1000) return undefined;
  if (n.words && n.value < 2) return undefined;
  const noun = countedNounAfter(copy, n.end) ?? peopleAfterScale(copy, n);
  if (noun !== undefined)
    return { kind: 'count', value: n.value, unit: noun.unit, start: n.start, end: noun.end };
  const implied = impliedCount(copy, n);
  if (implied !== undefined) return implied;
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

const SPREAD_BEFORE = /(?:\d|thousand|million|billion|dollars|euros|percent|%)\s+$/i;

/** Adds the qualifier written before the figure, if any. */
export function withQualifier(copy: string, f: RawFigure): RawFigure {
  if (f.kind === 'date') return f;
  const q = qualifierBefore(copy, f.start);
  if (q === undefined) return f;
  // `$122 million over five years`: `over` after an amount spreads it across the years.
  if (
    f.kind === 'duration' &&
    q.qualifier === 'over' &&
    SPREAD_BEFORE.test(copy.slice(Math.max(0, q.start - 12), q.start))
  )
    return f;
  return { ...f, qualifier: q.qualifier };
}
