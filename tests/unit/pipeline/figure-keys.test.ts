import { parseSheet } from '../../../shared/index';
import type { Figure } from '../../../shared/model';
import { figureHistory } from '../../../shared/pipeline/figure-history';
import { assignFigureKeys, keyedSheet, newFigureKey } from '../../../shared/pipeline/figure-keys';
import { ingestObject } from '../../../shared/pipeline/ingest';
import { reprocessSheet } from '../../../shared/pipeline/reprocess';
import { fixture, memoryDeps } from '../../support/pipeline-deps';

const ADDED_SENTENCE = 'U.S. exports to Mali totaled $41 million in 2022.';
const parse = (name: string) => parseSheet(fixture(name), { id: 'mali', contentType: 'text/plain' });

function byText(figures: readonly Figure[], text: string): Figure {
  const found = figures.find((f) => f.text === text);
  if (!found) throw new Error(`no figure "${text}"`);
  return found;
}

describe('figure keys', () => {
  const r1 = assignFigureKeys(null, parse('sheets/mali.txt'), 1);
  const r2 = assignFigureKeys(r1.figures, parse('sheets/mali-revised.txt'), 2);
  const r3 = assignFigureKeys(r2.figures, parse('sheets/mali.txt'), 3);

  it('gives every figure of a first revision a new key, unique in the sheet', () => {
    expect(r1.figures.map((f) => f.key)).toEqual(r1.figures.map((_, i) => newFigureKey(1, i)));
  });

  it('keeps the key of a changed amount, and of figures that did not change', () => {
    expect(byText(r2.figures, '$152 million').key).toBe(byText(r1.figures, '$148 million').key);
    expect(byText(r2.figures, 'six percent').key).toBe(byText(r1.figures, 'five percent').key);
    expect(byText(r2.figures, '$75 million').key).toBe(byText(r1.figures, '$75 million').key);
  });

  it('gives the figures of an added sentence new keys of the revision that added them', () => {
    const added = r2.figures.filter((f) => f.sentence === ADDED_SENTENCE);
    expect(added.length).toBeGreaterThan(0);
    const older = new Set(r1.figures.map((f) => f.key));
    for (const figure of added) {
      expect(older.has(figure.key)).toBe(false);
      expect(figure.key).toMatch(/^r2-/);
    }
  });

  it('never reuses a dropped key: the sentence added back later gets other keys', () => {
    const dropped = new Set(r2.figures.filter((f) => f.sentence === ADDED_SENTENCE).map((f) => f.key));
    const r4 = assignFigureKeys(r3.figures, parse('sheets/mali-revised.txt'), 4);
    const readded = r4.figures.filter((f) => f.sentence === ADDED_SENTENCE);
    expect(readded.length).toBe(dropped.size);
    for (const figure of readded) expect(dropped.has(figure.key)).toBe(false);
    expect(new Set(r4.figures.map((f) => f.key)).size).toBe(r4.figures.length);
  });

  it('reads revisions stored without keys with the keys revision N would have minted', () => {
    const legacy = parse('sheets/mali.txt');
    expect(keyedSheet(legacy, 7).figures.map((f) => f.key)).toEqual(
      legacy.figures.map((_, i) => `r7-${i + 1}`),
    );
  });

  it('history: added, changed, unchanged, removed', () => {
    const revisions = [r1, r2, r3].map((sheet, i) => ({
      revision: i + 1,
      publishedAt: `2026-01-0${i + 1}T00:00:00.000Z`,
      figures: sheet.figures,
    }));
    const amount = byText(r1.figures, '$148 million').key!;
    expect(figureHistory(revisions, amount).map((e) => [e.revision, e.change, e.value])).toEqual([
      [1, 'added', 148_000_000],
      [2, 'changed', 152_000_000],
      [3, 'changed', 148_000_000],
    ]);
    const exports = byText(r2.figures, '$41 million').key!;
    const history = figureHistory(revisions, exports);
    expect(history.map((e) => [e.revision, e.change])).toEqual([
      [2, 'added'],
      [3, 'removed'],
    ]);
    expect(history[1]).toMatchObject({ text: '$41 million', sentence: ADDED_SENTENCE });
    const steady = byText(r1.figures, '$75 million').key!;
    expect(figureHistory(revisions, steady).map((e) => e.change)).toEqual([
      'added',
      'unchanged',
      'unchanged',
    ]);
    expect(figureHistory(revisions, 'r9-1')).toEqual([]);
  });
});

describe('figure keys through ingest and reprocess', () => {
  it('publishes keyed figures; the diff names figures by key, with their sentences', async () => {
    const deps = memoryDeps();
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    await ingestObject(deps, { key: 'sources/mali.txt' });
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali-revised.txt'), 'text/plain');
    const outcome = await ingestObject(deps, { key: 'sources/mali.txt' });
    if (outcome.status !== 'published') throw new Error(outcome.status);
    const first = (await deps.sheets.getRevision('mali', 1))!.sheet.figures;
    const second = (await deps.sheets.getRevision('mali', 2))!.sheet.figures;
    expect(first.every((f) => f.key)).toBe(true);
    const change = outcome.diff!.figures.changed.find((c) => c.before.text === '$148 million')!;
    expect(change.after.key).toBe(change.before.key);
    expect(change.after.key).toBe(byText(second, '$152 million').key);
    expect(change.after.sentence).toContain('$152 million');
    expect(outcome.diff!.figures.added.every((f) => f.key?.startsWith('r2-'))).toBe(true);

    const again = await reprocessSheet(deps, 'mali', { force: true });
    expect(again.status).toBe('published');
    const third = (await deps.sheets.getRevision('mali', 3))!.sheet.figures;
    expect(third.map((f) => f.key)).toEqual(second.map((f) => f.key));
  });
});
