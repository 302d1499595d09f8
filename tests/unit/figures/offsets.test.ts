import fc from 'fast-check';
import { extractFigures } from '../../../shared/figures';
import type { Section } from '../../../shared/model';
import { figuresOf, leadSection } from '../../support/figures-of';

describe('offsets, typographic spaces and sections', () => {
  it('matches NBSP and narrow NBSP as spaces while offsets index the original', () => {
    const text = 'Aid of $148\u00a0million and 57\u202fpercent and 7.2\u00a0million\u00a0people.';
    const figures = figuresOf(text);
    expect(figures.map((f) => [f.kind, f.text, f.value])).toEqual([
      ['money', '$148\u00a0million', 148_000_000],
      ['percent', '57\u202fpercent', 57],
      ['count', '7.2\u00a0million\u00a0people', 7_200_000],
    ]);
    for (const f of figures) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('matches curly apostrophes and en dashes as plain ones', () => {
    const figures = figuresOf('Mali’s plan for 2022–2026 costs $5 million.');
    expect(figures.map((f) => f.text)).toEqual(['2022–2026', '$5 million']);
  });

  it('numbers figures f1, f2, … in text order and gives each its trimmed sentence', () => {
    const text = 'In 1960 ties began.  Aid was $5 million.\nIt rose 5 percent.';
    const figures = figuresOf(text);
    expect(figures.map((f) => [f.id, f.text, f.sentence])).toEqual([
      ['f1', '1960', 'In 1960 ties began.'],
      ['f2', '$5 million', 'Aid was $5 million.'],
      ['f3', '5 percent', 'It rose 5 percent.'],
    ]);
  });

  it('does not end a sentence at U.S. or e.g.', () => {
    const [f] = figuresOf('The U.S. Agency gave (e.g., for health) $5 million.');
    expect(f?.sentence).toBe('The U.S. Agency gave (e.g., for health) $5 million.');
  });

  it('assigns each figure the section holding it', () => {
    const text = 'Lead in 1960.\nAid\nAid was $5 million.';
    const sections: Section[] = [
      { id: 'lead', heading: null, level: 1, start: 0, end: 14, blocks: [] },
      { id: 'aid', heading: 'Aid', level: 2, start: 14, end: text.length, blocks: [] },
    ];
    expect(extractFigures(text, sections).map((f) => [f.text, f.sectionId])).toEqual([
      ['1960', 'lead'],
      ['$5 million', 'aid'],
    ]);
  });

  it('falls back to the last section before a figure outside every section, or lead', () => {
    const text = 'x 1960 y 1970';
    const sections: Section[] = [{ id: 'a', heading: 'A', level: 2, start: 0, end: 3, blocks: [] }];
    expect(extractFigures(text, sections).map((f) => f.sectionId)).toEqual(['a', 'a']);
    expect(extractFigures(text, []).map((f) => f.sectionId)).toEqual(['lead', 'lead']);
  });

  it('never throws, keeps spans valid and figures in text order on any string', () => {
    const pieces = fc.constantFrom(
      '$',
      '€',
      ' ',
      '\u00a0',
      '\u202f',
      '’',
      '–',
      '-',
      '.',
      ',',
      '%',
      '/',
      '^',
      '\n',
      '(',
      ')',
      '148',
      '2021',
      '7.2',
      '1,000',
      'million',
      'percent',
      'FY',
      'FY ',
      'May',
      'June 7',
      'one',
      'hundred',
      'and',
      'a',
      'half',
      'thirds',
      'over',
      'about',
      'people',
      'IDPs',
      'surged past',
      'section',
      'COVID-19',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
        ),
        (text) => {
          const figures = extractFigures(text, [leadSection(text)]);
          let last = -1;
          for (const f of figures) {
            expect(text.slice(f.start, f.end)).toBe(f.text);
            expect(f.start).toBeGreaterThanOrEqual(last);
            expect(f.end).toBeGreaterThan(f.start);
            last = f.end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
