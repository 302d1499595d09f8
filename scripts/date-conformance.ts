/**
 * The date half of `npm run conformance`: the Recognizers-Text English DateExtractor and
 * DatePeriodExtractor specs, on the cases that name an absolute date or period. A case whose answer depends
 * on today's date (`tomorrow`, `next week`, `this Jan`, a month and day without a year) is skipped and
 * counted. A case passes when our spans are exactly theirs and each value equals the reference
 * JavaScript build's resolution of that span (its TIMEX, with a range written `start/end`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as Recognizers from '@microsoft/recognizers-text-suite';
import { extractDateSpans } from '../shared/figures/date-spans';

interface ExtractorResult {
  Text: string;
  Start: number;
  Length: number;
}

interface ExtractorCase {
  Input: string;
  NotSupported?: string;
  NotSupportedByDesign?: string;
  Results: ExtractorResult[];
}

export const DATE_FILES = [
  'DateTime/English/DateExtractor.json',
  'DateTime/English/DatePeriodExtractor.json',
] as const;

// A year in the span: four digits, or the two-digit year of a numeric date (`21/04/16`, `9-18-15`).
const NAMES_YEAR = /(?<!\d)[12]\d{3}(?!\d)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/;
const RELATIVE =
  /\b(?:today|tonight|tomorrow|tmrw|yesterday|next|last|this|ago|later|now|past|coming|previous|upcoming|current|recent|rest)\b/i;
// Any fixed reference date will do: absolute cases resolve the same on every day.
const REFERENCE_DATE = new Date(Date.UTC(2017, 0, 1));

/** True when every expected span names its own year and no word ties it to today. */
function isAbsolute(c: ExtractorCase): boolean {
  return c.Results.length > 0 && c.Results.every((r) => NAMES_YEAR.test(r.Text) && !RELATIVE.test(r.Text));
}

/** The reference build's value of the span `[start, end)` of `input`, as `2016-01-12` or `start/end`. */
function referenceValue(input: string, start: number, end: number): string | undefined {
  const found = Recognizers.recognizeDateTime(input, Recognizers.Culture.English, undefined, REFERENCE_DATE);
  const hit = found.find((r) => r.start === start && r.end === end - 1);
  const values = (hit?.resolution as { values?: { timex?: string }[] } | undefined)?.values;
  const timex = values?.[0]?.timex;
  if (timex === undefined) return undefined;
  const range = /^\(([^,]+),([^,]+),[^)]*\)$/.exec(timex);
  return range === null ? timex : `${range[1]}/${range[2]}`;
}

export interface DateRow {
  file: string;
  scored: number;
  passed: number;
  skipped: number;
  /** Expected spans the reference build gives no value for: compared by span only. */
  spanOnly: number;
}

/** Scores one extractor spec file; `verbose` prints each failing case. */
export function scoreDateFile(specs: string, file: string, verbose: boolean): DateRow | undefined {
  const full = path.join(specs, file);
  if (!existsSync(full)) return undefined;
  const cases = JSON.parse(readFileSync(full, 'utf8').replace(/^\uFEFF/, '')) as ExtractorCase[];
  const row: DateRow = { file, scored: 0, passed: 0, skipped: 0, spanOnly: 0 };
  for (const c of cases) {
    const unsupported = `${c.NotSupported ?? ''},${c.NotSupportedByDesign ?? ''}`.includes('javascript');
    if (unsupported || !isAbsolute(c)) {
      row.skipped++;
      continue;
    }
    row.scored++;
    const ours = extractDateSpans(c.Input);
    const ok =
      ours.length === c.Results.length &&
      c.Results.every((r) => {
        const want = referenceValue(c.Input, r.Start, r.Start + r.Length);
        // The reference build may not resolve its own expected span: then the span alone is compared.
        if (want === undefined) row.spanOnly++;
        return ours.some(
          (o) =>
            o.start === r.Start && o.end === r.Start + r.Length && (want === undefined || o.value === want),
        );
      });
    if (ok) row.passed++;
    else if (verbose) {
      const want = c.Results.map(
        (r) => `${JSON.stringify(r.Text)}=${referenceValue(c.Input, r.Start, r.Start + r.Length)}`,
      );
      const got = ours.map((o) => `${JSON.stringify(c.Input.slice(o.start, o.end))}=${o.value}`);
      console.log(`  ${file.split('/').pop()}: ${JSON.stringify(c.Input.slice(0, 100))}`);
      console.log(`    want ${want.join(', ')}\n    got  ${got.join(', ')}`);
    }
  }
  return row;
}
