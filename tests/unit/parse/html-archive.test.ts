import type { ParsedSheet } from '../../../shared/index';
import { parseSheet } from '../../../shared/index';
import { fixtureBytes } from '../../support/fixtures';

describe('a 2009–2017 archive page (Kenya)', () => {
  let sheet: ParsedSheet;
  beforeAll(() => {
    sheet = parseSheet(fixtureBytes('kenya-archive.html'), { id: 'kenya' });
  });

  it('lifts title, bureau and date out of the lines under the title', () => {
    expect(sheet).toMatchObject({
      id: 'kenya',
      contentType: 'text/html',
      title: 'U.S. Relations With Kenya',
      country: 'Kenya',
      bureau: 'Bureau of African Affairs',
      publishedOn: '2015-01-21',
    });
  });

  it('starts the body at the all-caps first heading (no empty lead section)', () => {
    expect(sheet.text.startsWith('U.S.-KENYA RELATIONS\n\nThe United States established')).toBe(true);
    expect(sheet.sections.map((s) => [s.id, s.level])).toEqual([
      ['u-s-kenya-relations', 2],
      ['u-s-assistance-to-kenya', 3],
      ['bilateral-economic-relations', 3],
      ['kenyas-membership-in-international-organizations', 3],
      ['bilateral-representation', 3],
    ]);
  });

  it.each([
    'archive of the 2009',
    'Diplomacy in Action',
    'Secretary of State',
    'Countries and Other Areas',
    'Fact Sheet',
    'January 21, 2015',
    'Note to our readers',
    'no longer updated',
    'Email',
    'Back to Top',
    'Privacy Notice',
    'Office of Website Management',
    'Fallback text',
  ])('drops banner, tagline, navigation, header lines, notices and footer: %j', (chrome) => {
    expect(sheet.text).not.toContain(chrome);
  });

  it('reads the <br>-separated links after "listed here:" as one list with their links', () => {
    const list = sheet.sections.at(-1)!.blocks.at(-1)!;
    expect(list.type === 'list' && list.items.map((i) => i.text)).toEqual([
      'CIA World Factbook Kenya Page',
      'U.S. Embassy',
      'USAID Kenya Page',
      'History of U.S. Relations With Kenya',
      'Travel Information',
    ]);
    expect(list.type === 'list' && list.items[2]).toEqual({
      text: 'USAID Kenya Page',
      href: 'http://www.usaid.gov/kenya',
    });
  });

  it('reads the priorities <ul> as a list of three', () => {
    const lists = sheet.sections[1]!.blocks.filter((b) => b.type === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.type === 'list' && lists[0]!.items).toHaveLength(3);
  });

  it('finds its money, percent and count figures', () => {
    const summary = sheet.figures
      .filter((f) => f.kind === 'money' || f.kind === 'percent' || f.kind === 'count')
      .map((f) => [f.kind, f.value]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['money', 1_100_000_000],
        ['money', 250_000_000],
        ['money', 647_000_000],
        ['percent', 60],
        ['percent', 5.7],
        ['count', 580_000],
        ['count', 900_000],
      ]),
    );
    for (const figure of sheet.figures) expect(sheet.text.slice(figure.start, figure.end)).toBe(figure.text);
  });

  it('keeps the NBSP the page wrote as &nbsp;', () => {
    expect(sheet.text).toContain('September\u00a02013');
    expect(sheet.text).toContain('5.7\u00a0percent');
  });
});
