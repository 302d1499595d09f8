/**
 * `npm run conformance`: runs the figure extractor over the Recognizers-Text English specs in
 * ../shared/specs/Specs (when present) and prints the pass rate per file, compared by value; then the date
 * extractor specs on their absolute cases (scripts/date-conformance.ts).
 * `-- --verbose` lists the failing cases.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractMoney, extractNumberRanges, extractNumbers, extractPercents } from '../shared/figures';
import { DATE_FILES, scoreDateFile } from './date-conformance';

interface SpecResult {
  Text: string;
  Start: number;
  End: number;
  Resolution?: { value?: string | null; unit?: string } | null;
}

interface SpecCase {
  Input: string;
  NotSupported?: string;
  NotSupportedByDesign?: string;
  Results: SpecResult[];
}

/** One comparable result: a span of the input and its value (numbers compare with a relative tolerance). */
interface Found {
  start: number;
  end: number;
  value: number | string;
  unit?: string;
}

// Their currency names → ISO 4217, for the units our extractor names. Unmapped names compare by value only.
const CURRENCY_ISO: Readonly<Record<string, string>> = {
  Dollar: 'USD',
  'United States dollar': 'USD',
  Cent: 'USD',
  'Canadian dollar': 'CAD',
  'Australian dollar': 'AUD',
  'Hong Kong dollar': 'HKD',
  'New Zealand dollar': 'NZD',
  'Mexican peso': 'MXN',
  Euro: 'EUR',
  Pound: 'GBP',
  'British pound': 'GBP',
  Pence: 'GBP',
  Penny: 'GBP',
  'Japanese yen': 'JPY',
  'Chinese yuan': 'CNY',
  'Swiss franc': 'CHF',
  Rupee: 'INR',
};
const MINOR_UNITS = new Set(['Cent', 'Pence', 'Penny']);

type Extract = (input: string) => Found[];

interface Model {
  file: string;
  /** Their results → comparable ones; results without a value (a bare `dollar`) are not figures and drop out. */
  expected: (r: SpecResult) => Found | undefined;
  actual: Extract;
}

function toNumber(v: string): number {
  return Number(v.replace(/%$/, ''));
}

const MODELS: readonly Model[] = [
  {
    file: 'NumberWithUnit/English/CurrencyModel.json',
    expected: (r) => {
      const v = r.Resolution?.value;
      if (v === undefined || v === null) return undefined;
      const unitName = r.Resolution?.unit ?? '';
      const iso = CURRENCY_ISO[unitName];
      const value = MINOR_UNITS.has(unitName) ? toNumber(v) / 100 : toNumber(v);
      return { start: r.Start, end: r.End + 1, value, ...(iso === undefined ? {} : { unit: iso }) };
    },
    actual: (input) => extractMoney(input, { lenient: true }),
  },
  {
    file: 'Number/English/PercentModel.json',
    expected: (r) => {
      const v = r.Resolution?.value;
      if (v === undefined || v === null || v === 'null') return undefined;
      return { start: r.Start, end: r.End + 1, value: toNumber(v) };
    },
    actual: (input) => extractPercents(input, { lenient: true }),
  },
  {
    file: 'Number/English/NumberModel.json',
    expected: (r) => {
      const v = r.Resolution?.value;
      if (v === undefined || v === null) return undefined;
      return { start: r.Start, end: r.End + 1, value: toNumber(v) };
    },
    actual: (input) => extractNumbers(input, { lenient: true }),
  },
  {
    file: 'Number/English/NumberRangeModel.json',
    expected: (r) => {
      const v = r.Resolution?.value;
      if (v === undefined || v === null) return undefined;
      return { start: r.Start, end: r.End + 1, value: v };
    },
    actual: (input) =>
      extractNumberRanges(input).map((r) => ({ start: r.start, end: r.end, value: r.interval })),
  },
];

function sameValue(a: number | string, b: number | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return String(a) === String(b);
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A case passes when our results are exactly theirs: same spans, same values (and ISO unit when mapped). */
function passes(expected: readonly Found[], actual: readonly Found[]): boolean {
  if (expected.length !== actual.length) return false;
  return expected.every((e) =>
    actual.some(
      (a) =>
        a.start === e.start &&
        a.end === e.end &&
        sameValue(a.value, e.value) &&
        (e.unit === undefined || a.unit === e.unit),
    ),
  );
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const specs = path.resolve(root, '..', 'shared', 'specs', 'Specs');
  if (!existsSync(specs)) {
    console.log(`conformance: no peer specs at ${specs}; nothing to compare.`);
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const rows: string[][] = [
    ['file', 'cases not unsupported in JS', 'passed', 'rate', 'all cases', 'passed', 'rate'],
  ];
  for (const model of MODELS) {
    const file = path.join(specs, model.file);
    if (!existsSync(file)) {
      console.log(`conformance: ${model.file} missing; skipped.`);
      continue;
    }
    const cases = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as SpecCase[];
    let supported = 0;
    let supportedPassed = 0;
    let passed = 0;
    for (const c of cases) {
      const expected = c.Results.map(model.expected).filter((f): f is Found => f !== undefined);
      const actual = model.actual(c.Input);
      const ok = passes(expected, actual);
      const js = !`${c.NotSupported ?? ''},${c.NotSupportedByDesign ?? ''}`.includes('javascript');
      if (js) supported++;
      if (ok) passed++;
      if (ok && js) supportedPassed++;
      if (!ok && verbose) {
        const show = (fs: readonly Found[]) =>
          fs.map(
            (f) => `${JSON.stringify(c.Input.slice(f.start, f.end))}=${f.value}${f.unit ? ` ${f.unit}` : ''}`,
          );
        console.log(
          `${js ? '  ' : 'J '}${model.file.split('/').pop()}: ${JSON.stringify(c.Input.slice(0, 100))}`,
        );
        console.log(`    want ${show(expected).join(', ')}\n    got  ${show(actual).join(', ')}`);
      }
    }
    rows.push([
      model.file,
      String(supported),
      String(supportedPassed),
      rate(supportedPassed, supported),
      String(cases.length),
      String(passed),
      rate(passed, cases.length),
    ]);
  }
  printTable(rows);
  const dateRows: string[][] = [
    ['file', 'absolute cases', 'passed', 'rate', 'skipped (relative or not in JS)', 'compared by span only'],
  ];
  for (const file of DATE_FILES) {
    const row = scoreDateFile(specs, file, verbose);
    if (row === undefined) {
      console.log(`conformance: ${file} missing; skipped.`);
      continue;
    }
    dateRows.push([
      file,
      String(row.scored),
      String(row.passed),
      rate(row.passed, row.scored),
      String(row.skipped),
      String(row.spanOnly),
    ]);
  }
  console.log('');
  printTable(dateRows);
}

function rate(p: number, n: number): string {
  return n === 0 ? 'n/a' : `${((100 * p) / n).toFixed(1)}%`;
}

function printTable(rows: readonly string[][]): void {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
}

// Piping into `head` closes stdout early; that is not an error of the run.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

main();
