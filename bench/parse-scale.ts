/**
 * The parser beyond the seed: the real-page dev set in ../shared/corpus/raw (when it is there; skipped
 * with a note when not) and plain-text documents of 10 KB to 2 MB built from the seed, to show the cost
 * per megabyte stays flat (no rule is superlinear in document size).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSheet } from '../shared/index';
import { DEFAULT_MAX_BYTES } from '../shared/parse/limits';
import { type BenchResult, type BenchRow, fmt, median, timeRuns } from './harness';

const CORPUS_RAW = join(__dirname, '../../shared/corpus/raw');
const SEED = join(__dirname, '../fixtures/sheets/mali.txt');
const SIZES: readonly [string, number, number][] = [
  ['10 KB', 10 * 1024, 200],
  ['100 KB', 100 * 1024, 40],
  ['1 MB', 1024 * 1024, 8],
  ['2 MB', DEFAULT_MAX_BYTES - 1024, 5],
];

/** The seed repeated to `bytes`, cut at a line break so no word is split. */
function documentOf(seed: string, bytes: number): Buffer {
  const repeated = `${seed}\n\n`.repeat(Math.ceil(bytes / Buffer.byteLength(seed)) + 1);
  let text = Buffer.from(repeated).subarray(0, bytes).toString('utf8');
  text = text.slice(0, Math.max(text.lastIndexOf('\n'), 1));
  return Buffer.from(text);
}

function row(name: string, ms: number, bytes: number, docs: number, extra: Record<string, string>): BenchRow {
  return {
    name,
    values: {
      'median ms/doc': fmt(ms / docs, 3),
      'docs/s': fmt((1000 * docs) / ms, 0),
      'MB/s': fmt(bytes / 1e6 / (ms / 1000)),
      ...extra,
    },
  };
}

export async function runScale(): Promise<BenchResult> {
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  if (existsSync(CORPUS_RAW)) {
    const files = readdirSync(CORPUS_RAW).filter((f) => f.endsWith('.txt'));
    const docs = files.map((f) => readFileSync(join(CORPUS_RAW, f)));
    const bytes = docs.reduce((sum, d) => sum + d.length, 0);
    const ms = median(
      await timeRuns(
        () => {
          for (const doc of docs) parseSheet(doc, { contentType: 'text/plain' });
        },
        50,
        5,
      ),
    );
    rows.push(
      row(
        `dev set: ${docs.length} real pages, ${fmt(bytes / 1024, 0)} KB (all in one pass)`,
        ms,
        bytes,
        docs.length,
        { 'ms per MB': fmt(ms / (bytes / 1048576), 1) },
      ),
    );
  } else {
    notes.push(
      `Dev set skipped: no ${CORPUS_RAW} (the corpus lives beside the project, in ../shared/corpus).`,
    );
  }
  const seed = readFileSync(SEED, 'utf8');
  for (const [label, size, runs] of SIZES) {
    const doc = documentOf(seed, size);
    const ms = median(await timeRuns(() => parseSheet(doc, { contentType: 'text/plain' }), runs, 2));
    rows.push(
      row(`text document, ${label}`, ms, doc.length, 1, { 'ms per MB': fmt(ms / (doc.length / 1048576), 1) }),
    );
  }
  notes.push(
    'Documents of 10 KB–2 MB are the seed repeated; a flat "ms per MB" column means the parse is linear in size.',
  );
  return { title: 'Parser on real pages and on growing documents', rows, notes };
}
