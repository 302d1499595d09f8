/** The period a sentence ties its figures to: a fiscal year, a fiscal-year range, or a year range. */
import type { Period } from '../model';
import type { RawFigure } from './raw-figure';

const FY_RANGE = /\b(?:from|between)\s+FY\s?(\d{4})\s+(?:to|through|until|and)\s+FY\s?(\d{4})\b/i;
const YEAR_RANGE_WORDS =
  /\b(?:from|between)\s+((?:19|20)\d{2})\s+(?:to|through|until|and)\s+((?:19|20)\d{2})\b/i;

/** True when the sentence spans fiscal years in words (`from FY 2011 to FY 2020`). */
export function namesFiscalRange(sentence: string): boolean {
  return FY_RANGE.test(sentence);
}

/**
 * The period of a sentence from its date figures and wording. `From FY 2011 to FY 2020` → fiscal range;
 * one fiscal year → that year; several different fiscal years without a range → none (ambiguous);
 * a year range (`2018-2021`, `between 2018 and 2021`) → `{from, to}`. Calendar years alone give none.
 */
export function sentencePeriod(sentence: string, dates: readonly RawFigure[]): Period | undefined {
  const fyRange = FY_RANGE.exec(sentence);
  if (fyRange !== null && Number(fyRange[2]) > Number(fyRange[1]))
    return { fiscalYearFrom: Number(fyRange[1]), fiscalYearTo: Number(fyRange[2]) };
  const fiscal = dates.filter((d) => d.fiscal === true);
  const fiscalRange = fiscal.find((d) => d.to !== undefined);
  if (fiscalRange !== undefined)
    return { fiscalYearFrom: Number(fiscalRange.value), fiscalYearTo: Number(fiscalRange.to) };
  const years = new Set(fiscal.map((d) => String(d.value)));
  if (years.size === 1) return { fiscalYear: Number([...years][0]) };
  if (years.size > 1) return undefined;
  const range = dates.find((d) => d.to !== undefined);
  if (range !== undefined) return { from: String(range.value), to: String(range.to) };
  const words = YEAR_RANGE_WORDS.exec(sentence);
  if (words?.[1] !== undefined && words[2] !== undefined && words[2] > words[1])
    return { from: words[1], to: words[2] };
  return undefined;
}
