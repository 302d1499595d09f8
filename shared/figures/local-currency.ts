/**
 * Currencies of the countries fact sheets describe: every ISO 4217 code written before or after an amount
 * (`USD 5 million`, `5 million KES`), local abbreviations (`FCFA`, `MK`, `KSh`), symbols (`₦`, `₱`) and
 * names (`naira`, `Kenyan shillings`).
 */
import type { CurrencyMarker } from './currency';

// Upper-case only, so prose words never match; codes that are also common English words (ALL, TOP, CUP)
// are left out.
const ISO_4217 = new Set(
  (
    'USD EUR GBP JPY CAD AUD CHF CNY INR HKD NZD XOF XAF KES MWK NGN ZAR GHS TZS UGX ETB RWF ZMW MZN AOA CDF ' +
    'SDG SSP SOS LRD SLL SLE GNF MGA BIF DJF ERN GMD CVE MRU NAD BWP LSL SZL SCR MUR KMF STN ' +
    'MAD EGP TND DZD LYD JOD LBP SYP IQD ILS SAR AED QAR KWD BHD OMR YER IRR TRY UAH RUB BYN GEL AMD AZN ' +
    'KZT KGS UZS TJS TMT MNT AFN PKR BDT NPR LKR BTN MVR MMK THB KHR LAK VND PHP IDR MYR SGD BND KRW KPW ' +
    'TWD FJD PGK WST SBD VUV BRL ARS CLP COP PEN BOB PYG UYU VES GTQ HNL NIO CRC PAB DOP HTG JMD TTD BZD ' +
    'XCD BBD BSD GYD SRD MXN CUC PLN CZK HUF RON BGN RSD MKD BAM MDL SEK NOK DKK ISK'
  ).split(' '),
);

// Abbreviations as fact sheets write them, case as written.
const LOCAL_PREFIXES: Readonly<Record<string, string>> = {
  FCFA: 'XOF',
  CFA: 'XOF',
  MK: 'MWK',
  KSh: 'KES',
  Ksh: 'KES',
  KShs: 'KES',
  Kshs: 'KES',
  Tk: 'BDT',
  'GH₵': 'GHS',
  '₦': 'NGN',
  '₵': 'GHS',
  '₱': 'PHP',
  '₫': 'VND',
  '฿': 'THB',
  '₩': 'KRW',
  '₴': 'UAH',
  '₺': 'TRY',
  '₽': 'RUB',
  '৳': 'BDT',
};

const PREFIX = /(?:(?<![A-Za-z])(?<code>[A-Z]{3}|FCFA|CFA|MK|KShs?|Kshs?|Tk)|(?<sym>GH₵|[₦₵₱₫฿₩₴₺₽৳]))\s?$/;

/** A local currency code or symbol ending right before the number (`window` ends where the number starts). */
export function localCurrencyBefore(window: string, from: number): CurrencyMarker | undefined {
  const m = PREFIX.exec(window);
  if (m === null) return undefined;
  const code = m.groups?.code ?? m.groups?.sym ?? '';
  const unit = LOCAL_PREFIXES[code] ?? (ISO_4217.has(code) ? code : undefined);
  return unit === undefined ? undefined : { unit, at: from + m.index, minor: false };
}

const NAMES: Readonly<Record<string, string>> = {
  naira: 'NGN',
  cedi: 'GHS',
  cedis: 'GHS',
  birr: 'ETB',
  taka: 'BDT',
  baht: 'THB',
  riel: 'KHR',
  riels: 'KHR',
  kyat: 'MMK',
  kyats: 'MMK',
  quetzal: 'GTQ',
  quetzales: 'GTQ',
  lempira: 'HNL',
  lempiras: 'HNL',
  'kenyan shilling': 'KES',
  'kenyan shillings': 'KES',
  'ugandan shilling': 'UGX',
  'ugandan shillings': 'UGX',
  'tanzanian shilling': 'TZS',
  'tanzanian shillings': 'TZS',
  'malawian kwacha': 'MWK',
  'zambian kwacha': 'ZMW',
  'cfa francs': 'XOF',
  'south african rand': 'ZAR',
};

const SUFFIX =
  /^\s(?:(?<code>[A-Z]{3})(?![A-Za-z])|(?<name>(?:kenyan|ugandan|tanzanian|malawian|zambian|south african|cfa)\s+(?:shillings?|kwacha|francs|rand)|naira|cedis?|birr|taka|baht|riels?|kyats?|quetzal(?:es)?|lempiras?)\b)/i;

/** A local currency code or name right after the amount (`5 million KES`, `20 billion naira`). */
export function localCurrencyAfter(window: string, pos: number): CurrencyMarker | undefined {
  const m = SUFFIX.exec(window);
  if (m === null) return undefined;
  const code = m.groups?.code;
  const unit =
    code !== undefined
      ? code === code.toUpperCase() && ISO_4217.has(code)
        ? code
        : undefined
      : NAMES[(m.groups?.name ?? '').toLowerCase().replace(/\s+/g, ' ')];
  return unit === undefined ? undefined : { unit, at: pos + m[0].length, minor: false };
}
