/** The English number lexicon: cardinal words, scales and ordinal denominators. */

/** Cardinal words zero to nine (with the British `nought`/`naught`). */
export const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  nought: 0,
  naught: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};

/** Cardinal words ten to nineteen. */
export const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

/** Tens words twenty to ninety. */
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Word scales; `hundred` is handled apart because it multiplies only the group it closes. */
export const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  lakh: 1e5,
  million: 1e6,
  crore: 1e7,
  billion: 1e9,
  trillion: 1e12,
};

/** Abbreviated scales written after digits: `10k`, `$5bn`, `1.2b`, `10 bln`, `2mil`, `1MM`. */
export const LETTER_SCALES: Readonly<Record<string, number>> = {
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

const ORDINAL_UNITS: Readonly<Record<string, number>> = {
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};

const ORDINAL_OTHERS: Readonly<Record<string, number>> = {
  first: 1,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1e3,
  millionth: 1e6,
  billionth: 1e9,
  trillionth: 1e12,
};

/** Ordinals usable as fraction denominators (`fifths`, `hundredth`); `second` is left out (time unit). */
export const ORDINALS: Readonly<Record<string, number>> = { ...ORDINAL_UNITS, ...ORDINAL_OTHERS };

/** True for the single-digit ordinals a preceding tens word can join (`thirty fifths` = 35ths). */
export function isUnitOrdinal(word: string): boolean {
  return word in ORDINAL_UNITS || word === 'first';
}

/** `hundred` multiplies only the group it closes (`ninety-five hundred` = 9500). */
export const HUNDRED_WORDS: ReadonlySet<string> = new Set(['hundred', 'hundreds']);
