/**
 * `npm run bench -- parse`: the parser on the Mali seed as plain text and as its state.gov HTML rendition,
 * against two baselines measured in the same run — the reference extractor
 * (@microsoft/recognizers-text-suite: number, percent, currency and datetime, Culture English) on the same
 * text, and a bare `cheerio.load` of the HTML (the floor: no HTML reader can beat its own parse).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Recognizers from '@microsoft/recognizers-text-suite';
import { load as loadParse5 } from 'cheerio';
import { load as loadHtmlparser2 } from 'cheerio/slim';
import { extractFigures } from '../shared/figures';
import { parseSheet } from '../shared/index';
import { type BenchResult, fmt, median, timeRuns } from './harness';
import { runScale } from './parse-scale';

const FIXTURES = join(__dirname, '../fixtures/sheets');
const RUNS = 300;
// The reference needs ~40 s per pass over the seed: three timed passes keep the bench under three minutes.
const REFERENCE_RUNS = 3;

interface Measured {
  name: string;
  ms: number;
  bytes: number;
}

async function measure(
  name: string,
  bytes: number,
  fn: () => unknown,
  runs = RUNS,
  warmup = 100,
): Promise<Measured> {
  return { name, ms: median(await timeRuns(fn, runs, warmup)), bytes };
}

function row(m: Measured, ratio: string) {
  return {
    name: m.name,
    values: {
      'median ms/doc': fmt(m.ms, 3),
      'docs/s': fmt(1000 / m.ms, 1000 / m.ms < 1 ? 3 : 0),
      'MB/s': fmt(m.bytes / 1e6 / (m.ms / 1000), m.bytes / 1e3 / m.ms < 0.01 ? 5 : 2),
      ratio,
    },
  };
}

/** Runs the parser benchmarks: the seed against its baselines, then the dev set and growing documents. */
export async function run(): Promise<BenchResult[]> {
  return [await runSeed(), await runScale()];
}

async function runSeed(): Promise<BenchResult> {
  const textBytes = readFileSync(join(FIXTURES, 'mali.txt'));
  const htmlBytes = readFileSync(join(FIXTURES, 'mali.html'));
  const html = htmlBytes.toString('utf8');
  const parsed = parseSheet(textBytes);
  const { text, sections } = parsed;

  const parseText = await measure('parseSheet, seed as text/plain', textBytes.length, () =>
    parseSheet(textBytes),
  );
  const parseHtml = await measure('parseSheet, seed as text/html', htmlBytes.length, () =>
    parseSheet(htmlBytes),
  );
  const figuresOnly = await measure('  of which extractFigures (on the text)', text.length, () =>
    extractFigures(text, sections),
  );
  const floor = await measure(
    'bare cheerio/slim load (htmlparser2, what the parser uses)',
    htmlBytes.length,
    () => loadHtmlparser2(html, { xml: { xmlMode: false, decodeEntities: true } }),
  );
  const floorDefault = await measure('bare cheerio.load (default parse5)', htmlBytes.length, () =>
    loadParse5(html),
  );
  const culture = Recognizers.Culture.English;
  const reference = await measure(
    'reference: recognizers-text number+percent+currency+datetime',
    Buffer.byteLength(text),
    () => {
      Recognizers.recognizeNumber(text, culture);
      Recognizers.recognizePercentage(text, culture);
      Recognizers.recognizeCurrency(text, culture);
      Recognizers.recognizeDateTime(text, culture);
    },
    REFERENCE_RUNS,
    1,
  );

  const speedup = reference.ms / parseText.ms;
  const overFloor = parseHtml.ms / floor.ms;
  return {
    title: `Parser (Mali seed: ${textBytes.length} B text, ${htmlBytes.length} B HTML; ${parsed.figures.length} figures, ${sections.length} sections)`,
    rows: [
      row(parseText, `${fmt(speedup, 0)}× faster than reference`),
      row(parseHtml, `${fmt(overFloor)}× bare htmlparser2 load`),
      row(figuresOnly, `${fmt((figuresOnly.ms / parseText.ms) * 100, 0)}% of text parse`),
      row(floor, 'floor'),
      row(floorDefault, `${fmt(parseHtml.ms / floorDefault.ms)}× (parse vs this load)`),
      row(reference, 'baseline'),
    ],
    notes: [
      `Goals: ≥1000× faster than the reference (measured ${fmt(speedup, 0)}×); HTML parse within 3× of a bare load (measured ${fmt(overFloor)}× the htmlparser2 load the parser itself performs, ${fmt(parseHtml.ms / floorDefault.ms)}× cheerio's default parse5 load).`,
      `Medians of ${RUNS} runs (reference: ${REFERENCE_RUNS}) after warm-up, one process, this machine.`,
    ],
  };
}
