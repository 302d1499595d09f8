import type { ParsedSheet } from '../../../shared/index';
import { PARSER_VERSION, parseSheet } from '../../../shared/index';
import { fixtureBytes } from '../../support/fixtures';

describe('the Mali seed as plain text', () => {
  let sheet: ParsedSheet;
  beforeAll(() => {
    sheet = parseSheet(fixtureBytes('mali.txt'), { id: 'mali' });
  });

  it('carries the header metadata the seed has, and nulls for what it lacks', () => {
    expect(sheet).toMatchObject({
      id: 'mali',
      title: null,
      country: 'Mali',
      bureau: null,
      publishedOn: null,
      parserVersion: PARSER_VERSION,
      contentType: 'text/plain',
    });
    expect(sheet.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the lead and the four headings, in order', () => {
    expect(sheet.sections.map((s) => [s.id, s.heading, s.level])).toEqual([
      ['lead', null, 1],
      ['u-s-assistance-to-mali', 'U.S. Assistance to Mali', 2],
      ['bilateral-economic-relations', 'Bilateral Economic Relations', 2],
      [
        'malis-membership-in-international-organizations',
        'Mali’s Membership in International Organizations',
        2,
      ],
      ['bilateral-representation', 'Bilateral Representation', 2],
    ]);
    expect(sheet.sections[0]!.blocks).toHaveLength(4);
  });

  it('reads the three bullet lines as one list of three items', () => {
    const lists = sheet.sections[1]!.blocks.filter((b) => b.type === 'list');
    expect(lists).toHaveLength(1);
    const items = lists[0]!.type === 'list' ? lists[0]!.items.map((i) => i.text) : [];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^America’s security at home and abroad/);
    expect(items[1]).toMatch(/^Mali’s democratic institutions are strengthened/);
    expect(items[2]).toMatch(/business environment\.$/);
  });

  it('reads the nine resource links as one list, not as headings', () => {
    const last = sheet.sections.at(-1)!;
    const block = last.blocks.at(-1)!;
    expect(block.type).toBe('list');
    const items = block.type === 'list' ? block.items.map((i) => i.text) : [];
    expect(items).toEqual([
      'CIA World Factbook Mali Page',
      'U.S. Embassy',
      'USAID Mali Page',
      'History of U.S. Relations With Mali',
      'Office of the U.S. Trade Representative Country Page',
      'U.S. Census Bureau Foreign Trade Statistics International Offices Page',
      'Millennium Challenge Corporation: Mali',
      'Library of Congress Country Studies',
      'Travel Information',
    ]);
    expect(sheet.sections.some((s) => s.heading === 'Travel Information')).toBe(false);
  });

  it('joins the paragraph a stray blank line broke mid-sentence', () => {
    const paragraphs = sheet.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'paragraph'));
    const joined = paragraphs.find((b) => b.type === 'paragraph' && b.text.includes('DOS/Population,'));
    expect(joined?.type === 'paragraph' && joined.text).toContain(
      'DOS/Population, Refugees and Migration (PRM)',
    );
    expect(
      paragraphs.some((b) => b.type === 'paragraph' && b.text.startsWith('Refugees and Migration')),
    ).toBe(false);
  });

  it('drops the trailing site furniture', () => {
    expect(sheet.text).not.toContain('The Lessons of 1989');
    expect(sheet.text.endsWith('Travel Information')).toBe(true);
    expect(sheet.text.split('\n').includes('U.S. Department of State')).toBe(false);
  });

  it('keeps NBSP, narrow NBSP and curly quotes as written', () => {
    expect(sheet.text).toContain('the\u00a0Mali page\u00a0and');
    expect(sheet.text).toContain('an\u202fembassy\u202fin');
    expect(sheet.text).toContain('coup d’état');
  });

  it('lays out text as blocks joined by a blank line and list items by a line break', () => {
    for (const section of sheet.sections) {
      const slice = sheet.text.slice(section.start, section.end);
      const pieces = [
        ...(section.heading === null ? [] : [section.heading]),
        ...section.blocks.map((b) =>
          b.type === 'paragraph' ? b.text : b.items.map((i) => i.text).join('\n'),
        ),
      ];
      expect(slice).toBe(pieces.join('\n\n'));
    }
    expect(sheet.sections.at(-1)!.end).toBe(sheet.text.length);
  });

  it('returns figures whose offsets index the text, in text order, each inside its section', () => {
    expect(sheet.figures.length).toBeGreaterThan(0);
    let previous = -1;
    for (const figure of sheet.figures) {
      expect(sheet.text.slice(figure.start, figure.end)).toBe(figure.text);
      expect(figure.start).toBeGreaterThanOrEqual(previous);
      previous = figure.start;
      const section = sheet.sections.find((s) => s.id === figure.sectionId)!;
      expect(figure.start).toBeGreaterThanOrEqual(section.start);
      expect(figure.end).toBeLessThanOrEqual(section.end);
    }
    const money = sheet.figures.filter((f) => f.kind === 'money').map((f) => f.text);
    expect(money).toEqual(
      expect.arrayContaining(['$148 million', '$75 million', '$83 million', '$474 million']),
    );
  });

  it('parses the same whether given as a string or as bytes', () => {
    const fromString = parseSheet(fixtureBytes('mali.txt').toString('utf8'), { id: 'mali' });
    expect(fromString).toEqual(sheet);
  });
});

describe('the Mali seed with CRLF line ends, a BOM and NBSP-only blank lines', () => {
  it('gives the same text, sections and figures as the LF original, with its own hash', () => {
    const original = fixtureBytes('mali.txt').toString('utf8');
    const variant = `\uFEFF${original.replace(/\n\n/g, '\n\u00a0\n').replace(/\n/g, '\r\n')}`;
    const a = parseSheet(original, { id: 'mali' });
    const b = parseSheet(Buffer.from(variant, 'utf8'), { id: 'mali' });
    expect(b.text).toBe(a.text);
    expect(b.sections).toEqual(a.sections);
    expect(b.figures).toEqual(a.figures);
    expect(b.sourceHash).not.toBe(a.sourceHash);
  });
});
