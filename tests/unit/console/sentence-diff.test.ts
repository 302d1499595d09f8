import { readFileSync } from 'node:fs';
import { sentenceChanges, sentencesOf } from '../../../console/src/pages/sentence-diff';
import { parseSheet } from '../../../shared';
import { fixturePath } from '../../support/fixtures';

const fixture = (name: string) => readFileSync(fixturePath('sheets', name));

describe('sentencesOf', () => {
  it('splits text into trimmed sentences, keeping abbreviations such as U.S. inside a sentence', () => {
    expect(sentencesOf('U.S. assistance to Mali grew. It was $5 million in FY 2021.  ')).toEqual([
      'U.S. assistance to Mali grew.',
      'It was $5 million in FY 2021.',
    ]);
  });
});

describe('sentenceChanges', () => {
  it('pairs each changed sentence of the seed revision with its new wording, and nothing else', () => {
    const older = parseSheet(fixture('mali.txt'), { id: 'mali', contentType: 'text/plain' });
    const newer = parseSheet(fixture('mali-revised.txt'), { id: 'mali', contentType: 'text/plain' });
    const changes = sentenceChanges(older, newer).flatMap((s) => s.changes);
    const before = changes.flatMap((c) => c.before).join('\n');
    const after = changes.flatMap((c) => c.after).join('\n');
    expect(before).toContain('$148 million');
    expect(after).toContain('$152 million');
    expect(before).toContain('growing at five percent');
    expect(after).toContain('growing at six percent');
    expect(after).toContain('U.S. exports to Mali totaled $41 million in 2022.');
    expect(before).not.toContain('$41 million');
    // Unchanged sentences stay out of the diff.
    expect(`${before}\n${after}`).not.toContain('Algiers Accord');
  });

  it('reports nothing for identical revisions', () => {
    const sheet = parseSheet(fixture('mali.txt'), { id: 'mali', contentType: 'text/plain' });
    expect(sentenceChanges(sheet, sheet)).toEqual([]);
  });

  it('shows a section whole when its sentences differ past the edit bound (no quadratic work)', () => {
    const many = (prefix: string) =>
      Array.from({ length: 800 }, (_, i) => `${prefix} sentence number ${i}.`).join(' ');
    const section = (text: string) => ({
      id: 's',
      heading: 'S',
      level: 2,
      blocks: [{ type: 'paragraph' as const, text }],
    });
    const changes = sentenceChanges(
      { sections: [section(many('Old'))] },
      { sections: [section(many('New'))] },
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]?.changes).toEqual([
      { before: expect.arrayContaining(['Old sentence number 0.']), after: expect.any(Array) },
    ]);
    expect(changes[0]?.changes[0]?.after).toHaveLength(800);
  });
});
