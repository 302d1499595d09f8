/** Currency markers around a number: symbols and codes before it, names after it. */
import { localCurrencyAfter, localCurrencyBefore } from './local-currency';

export interface CurrencyMarker {
  /** ISO 4217 code. */
  unit: string;
  /** Where the marker starts (prefix) or ends (suffix), as an offset into the copy. */
  at: number;
  /** Cents and pence: the amount is in hundredths of the unit. */
  minor: boolean;
}

const PREFIX_CODES: Readonly<Record<string, string>> = {
  us: 'USD',
  'u.s.': 'USD',
  'u.s': 'USD',
  usd: 'USD',
  c: 'CAD',
  cad: 'CAD',
  a: 'AUD',
  aud: 'AUD',
  hk: 'HKD',
  nz: 'NZD',
  nzd: 'NZD',
  mex: 'MXN',
  mxn: 'MXN',
};

const ISO_CODES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'CHF', 'CNY', 'INR', 'HKD', 'NZD'];

// Symbol with an optional country prefix (`US$`, `C $`, `HK$`), an ISO code, or `€`, `£`, `¥`.
const PREFIX = new RegExp(
  String.raw`(?:(?:\b(?<cc>us|u\.s\.?|usd|c|cad|aud|hk|nz|nzd|mex|mxn)\s?|(?<aud>\bA))?\$|(?<sym>[€£¥₹])|\b(?<iso>${ISO_CODES.join('|')}))\s?$`,
  'i',
);

const SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/** A currency symbol or code immediately before `pos` (`$`, `US$ `, `€`, `USD `, `FCFA `, `KSh`). */
export function currencyBefore(copy: string, pos: number): CurrencyMarker | undefined {
  const from = Math.max(0, pos - 8);
  const window = copy.slice(from, pos);
  const local = localCurrencyBefore(window, from);
  if (local !== undefined) return local;
  const m = PREFIX.exec(window);
  if (m === null) return undefined;
  const g = m.groups ?? {};
  const at = from + m.index;
  if (g.sym !== undefined) return { unit: SYMBOLS[g.sym] ?? 'USD', at, minor: false };
  if (g.iso !== undefined) return { unit: g.iso.toUpperCase(), at, minor: false };
  // `A$` is Australian only as written, capital and glued: `a $5 million grant` is US dollars.
  if (g.aud !== undefined)
    return g.aud === 'A' ? { unit: 'AUD', at, minor: false } : { unit: 'USD', at: at + 1, minor: false };
  const cc = g.cc?.toLowerCase();
  return { unit: cc === undefined ? 'USD' : (PREFIX_CODES[cc] ?? 'USD'), at, minor: false };
}

const NAMES: Readonly<Record<string, string>> = {
  dollar: 'USD',
  'us dollar': 'USD',
  'u.s. dollar': 'USD',
  'american dollar': 'USD',
  'united states dollar': 'USD',
  'canadian dollar': 'CAD',
  'australian dollar': 'AUD',
  'hong kong dollar': 'HKD',
  'new zealand dollar': 'NZD',
  euro: 'EUR',
  pound: 'GBP',
  'pound sterling': 'GBP',
  'british pound': 'GBP',
  yen: 'JPY',
  'japanese yen': 'JPY',
  yuan: 'CNY',
  'chinese yuan': 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  'swiss franc': 'CHF',
  'cfa franc': 'XOF',
  // Bare `francs` does not say whose; the French franc is the historic default of financial prose.
  franc: 'FRF',
  'french franc': 'FRF',
  'belgian franc': 'BEF',
  markka: 'FIM',
  'finnish markka': 'FIM',
  peseta: 'ESP',
  guilder: 'NLG',
  'dutch guilder': 'NLG',
  rupee: 'INR',
  'indian rupee': 'INR',
  cent: 'USD',
  penny: 'GBP',
  pence: 'GBP',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
};

const SUFFIX_SYMBOLS: Readonly<Record<string, string>> = {
  元: 'CNY',
  '₡': 'CRC',
  '₾': 'GEL',
  '₭': 'LAK',
  ரூ: 'LKR',
  // `10 €` as written in much of Europe; never when a number follows (`in 2020 $5 million`).
  '€': 'EUR',
  '£': 'GBP',
  $: 'USD',
};

const SUFFIX =
  /^(?:(?:\s?-\s?|\s+)(?<name>(?:(?:u\.s\.|us|american|united states|canadian|australian|hong kong|new zealand|british|japanese|chinese|swiss|indian|cfa|french|belgian|finnish|dutch)\s+)?(?:dollar|euro|pound sterling|pound|yen|yuan|renminbi|rmb|franc|rupee|cent|penny|pence|pennies|markka|peseta|guilder|usd|eur|gbp)(?:e?s)?)\b|\s?(?<sym>元|₡|₾|₭|ரூ|[€£$](?!\s?\d)))/i;

/** A currency name right after `pos` (` million dollars` already consumed by the number): `dollars`, `euros`. */
export function currencyAfter(copy: string, pos: number): CurrencyMarker | undefined {
  const local = localCurrencyAfter(copy.slice(pos, pos + 32), pos);
  if (local !== undefined) return local;
  const m = SUFFIX.exec(copy.slice(pos, pos + 32));
  const sym = m?.groups?.sym;
  if (m !== null && sym !== undefined)
    return { unit: SUFFIX_SYMBOLS[sym] ?? 'XXX', at: pos + m[0].length, minor: false };
  const name = m?.groups?.name;
  if (m === null || name === undefined) return undefined;
  const key = name
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/pennies$/, 'penny')
    .replace(/s$/, '');
  const singular = key;
  const unit = NAMES[singular];
  if (unit === undefined) return undefined;
  const minor = /^(?:cent|penny|pence)$/.test(singular);
  return { unit, at: pos + m[0].length, minor };
}
