/**
 * What changed between two revisions. Figures are matched in three passes so that a changed value in the
 * same place reads as a change, not as a removal plus an addition:
 * 1. identical figures (section, kind, text, sentence);
 * 2. same section and kind, same sentence once numbers are masked (`$148 million` → `$# million`);
 * 3. same section and kind, leftovers paired by position when their masked sentences are still similar
 *    (word numbers such as `five percent` → `six percent`).
 * Whatever is left is added or removed. Sections are matched by id; changed = heading or blocks differ.
 */
import type { Figure, ParsedSheet, Section } from '../model';
import type { DiffSummary, FigureRef } from '../store/ports';

export function figureRef(figure: Figure): FigureRef {
  const { id, key, kind, value, unit, text, sectionId, sentence } = figure;
  return {
    id,
    ...(key !== undefined && { key }),
    kind,
    value,
    ...(unit !== undefined && { unit }),
    text,
    sectionId,
    sentence,
  };
}

/** The sentence with this figure's text and every digit run masked. */
function maskedContext(figure: Figure): string {
  return figure.sentence
    .split(figure.text)
    .join('\u0000')
    .replace(/\d[\d,.]*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z#\u0000]+/)
      .filter(Boolean),
  );
}

function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

const SIMILAR_ENOUGH = 0.6;

function sameFigureValue(a: Figure, b: Figure): boolean {
  return (
    a.text === b.text &&
    a.value === b.value &&
    a.unit === b.unit &&
    a.qualifier === b.qualifier &&
    JSON.stringify(a.period) === JSON.stringify(b.period)
  );
}

export type Pair = [Figure, Figure];

/** Pairs remaining figures whose `key` matches, in text order; removes them from the pools. */
function pairBy(before: Figure[], after: Figure[], key: (f: Figure) => string, pairs: Pair[]): void {
  const waiting = new Map<string, Figure[]>();
  for (const f of before) {
    const k = key(f);
    const list = waiting.get(k);
    if (list) list.push(f);
    else waiting.set(k, [f]);
  }
  const matchedBefore = new Set<Figure>();
  const unmatchedAfter: Figure[] = [];
  for (const f of after) {
    const candidate = waiting.get(key(f))?.shift();
    if (candidate) {
      pairs.push([candidate, f]);
      matchedBefore.add(candidate);
    } else {
      unmatchedAfter.push(f);
    }
  }
  before.splice(0, before.length, ...before.filter((f) => !matchedBefore.has(f)));
  after.splice(0, after.length, ...unmatchedAfter);
}

function pairByPosition(before: Figure[], after: Figure[], pairs: Pair[]): void {
  const groups = (figures: Figure[]) => {
    const map = new Map<string, Figure[]>();
    for (const f of figures) {
      const k = `${f.sectionId}\u0001${f.kind}`;
      map.set(k, [...(map.get(k) ?? []), f]);
    }
    return map;
  };
  const afterGroups = groups(after);
  const used = new Set<Figure>();
  for (const [k, olds] of groups(before)) {
    const news = afterGroups.get(k) ?? [];
    olds.forEach((old, i) => {
      const candidate = news[i];
      if (candidate && similarity(maskedContext(old), maskedContext(candidate)) >= SIMILAR_ENOUGH) {
        pairs.push([old, candidate]);
        used.add(old).add(candidate);
      }
    });
  }
  before.splice(0, before.length, ...before.filter((f) => !used.has(f)));
  after.splice(0, after.length, ...after.filter((f) => !used.has(f)));
}

function sectionChanged(a: Section, b: Section): boolean {
  return (
    a.heading !== b.heading || a.level !== b.level || JSON.stringify(a.blocks) !== JSON.stringify(b.blocks)
  );
}

/** The figures of two revisions matched as the same figure, and what is left on either side. */
export interface FigureMatch {
  pairs: Pair[];
  /** In `after` only. */
  added: Figure[];
  /** In `before` only. */
  removed: Figure[];
}

/** Matches `before`'s figures to `after`'s (the three passes of the module comment). */
export function matchFigures(before: readonly Figure[], after: readonly Figure[]): FigureMatch {
  const oldFigures = [...before];
  const newFigures = [...after];
  const pairs: Pair[] = [];
  pairBy(oldFigures, newFigures, (f) => [f.sectionId, f.kind, f.text, f.sentence].join('\u0001'), pairs);
  pairBy(oldFigures, newFigures, (f) => [f.sectionId, f.kind, maskedContext(f)].join('\u0001'), pairs);
  pairByPosition(oldFigures, newFigures, pairs);
  return { pairs, added: newFigures, removed: oldFigures };
}

/** Whether a matched pair differs in what it says (value, unit, qualifier, period or text). */
export function figureChanged([a, b]: Pair): boolean {
  return !sameFigureValue(a, b);
}

/** Summarizes `before` → `after` (revision numbers `from` → `to`); `before` null means everything is new. */
export function diffSheets(
  before: ParsedSheet | null,
  after: ParsedSheet,
  from: number,
  to: number,
): DiffSummary {
  const {
    pairs,
    added: newFigures,
    removed: oldFigures,
  } = matchFigures(before?.figures ?? [], after.figures);

  const changed = pairs
    .filter(([a, b]) => !sameFigureValue(a, b))
    .sort(([, a], [, b]) => a.start - b.start)
    .map(([a, b]) => ({ before: figureRef(a), after: figureRef(b) }));

  const oldSections = new Map((before?.sections ?? []).map((s) => [s.id, s]));
  const newIds = new Set(after.sections.map((s) => s.id));
  const sections = {
    added: after.sections.filter((s) => !oldSections.has(s.id)).map((s) => s.id),
    removed: [...oldSections.keys()].filter((id) => !newIds.has(id)),
    changed: after.sections
      .filter((s) => {
        const old = oldSections.get(s.id);
        return old !== undefined && sectionChanged(old, s);
      })
      .map((s) => s.id),
  };
  return {
    from,
    to,
    figures: {
      added: newFigures.sort((a, b) => a.start - b.start).map(figureRef),
      removed: oldFigures.sort((a, b) => a.start - b.start).map(figureRef),
      changed,
    },
    sections,
  };
}
