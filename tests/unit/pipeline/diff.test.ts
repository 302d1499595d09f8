import { parseSheet } from '../../../shared/index';
import { diffSheets } from '../../../shared/pipeline/diff';
import { fixture } from '../../support/pipeline-deps';

const before = parseSheet(fixture('sheets/mali.txt'), { id: 'mali', contentType: 'text/plain' });
const after = parseSheet(fixture('sheets/mali-revised.txt'), { id: 'mali', contentType: 'text/plain' });
const ADDED_SENTENCE = 'U.S. exports to Mali totaled $41 million in 2022.';

describe('diffSheets', () => {
  it('reports nothing for identical sheets', () => {
    const diff = diffSheets(before, before, 1, 2);
    expect(diff.figures).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.sections).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports a changed value in the same context as a change, not as remove + add', () => {
    const diff = diffSheets(before, after, 1, 2);
    const changed = diff.figures.changed.map((c) => [c.before.text, c.after.text]);
    expect(changed).toEqual([
      ['$148 million', '$152 million'],
      ['57 percent', '58 percent'],
      ['five percent', 'six percent'],
    ]);
    expect(diff.figures.removed).toEqual([]);
    expect(diff.from).toBe(1);
    expect(diff.to).toBe(2);
  });

  it('reports the figures of an added sentence as added', () => {
    const diff = diffSheets(before, after, 1, 2);
    expect(diff.figures.added.length).toBeGreaterThan(0);
    for (const figure of diff.figures.added) expect(ADDED_SENTENCE).toContain(figure.text);
    expect(diff.figures.added.map((f) => f.kind)).toContain('money');
  });

  it('names the changed sections', () => {
    const diff = diffSheets(before, after, 1, 2);
    expect(diff.sections.changed.sort()).toEqual(['bilateral-economic-relations', 'u-s-assistance-to-mali']);
    expect(diff.sections.added).toEqual([]);
    expect(diff.sections.removed).toEqual([]);
  });

  it('treats everything as added against no previous revision, and reverses cleanly', () => {
    const fresh = diffSheets(null, before, 0, 1);
    expect(fresh.figures.added).toHaveLength(before.figures.length);
    expect(fresh.sections.added).toEqual(before.sections.map((s) => s.id));
    const back = diffSheets(after, before, 2, 3);
    expect(back.figures.removed.map((f) => f.text)).toEqual(
      diffSheets(before, after, 1, 2).figures.added.map((f) => f.text),
    );
  });

  it('reports removed sections and their figures as removed', () => {
    const trimmed = parseSheet(
      fixture('sheets/mali.txt')
        .toString('utf8')
        .replace(/Bilateral Economic Relations\n[\s\S]*?(?=Mali’s Membership)/, ''),
      { id: 'mali', contentType: 'text/plain' },
    );
    const diff = diffSheets(before, trimmed, 1, 2);
    expect(diff.sections.removed).toEqual(['bilateral-economic-relations']);
    expect(diff.figures.removed.length).toBeGreaterThan(0);
    expect(diff.figures.removed.every((f) => f.sectionId === 'bilateral-economic-relations')).toBe(true);
    expect(diff.figures.changed).toEqual([]);
  });
});
