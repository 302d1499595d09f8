import type { ParsedSheet } from '../../../shared/index';
import { parseSheet } from '../../../shared/index';
import { fixtureBytes } from '../../support/fixtures';

describe('a current state.gov page (Mali)', () => {
  let sheet: ParsedSheet;
  let seed: ParsedSheet;
  beforeAll(() => {
    sheet = parseSheet(fixtureBytes('mali.html'));
    seed = parseSheet(fixtureBytes('mali.txt'));
  });

  it('is detected as HTML and reads title, country, bureau and date from the header markup', () => {
    expect(sheet).toMatchObject({
      id: 'u-s-relations-with-mali',
      contentType: 'text/html',
      title: 'U.S. Relations With Mali',
      country: 'Mali',
      bureau: 'Bureau of African Affairs',
      publishedOn: '2022-01-10',
    });
  });

  it('yields exactly the text of the plain-text seed: no chrome, same NBSPs, same quotes', () => {
    expect(sheet.text).toBe(seed.text);
  });

  it.each([
    'Skip to content',
    'official website',
    'Policy Issues',
    'Breadcrumb',
    'Home',
    'photo credit',
    'Bilateral Relations Fact Sheet',
    'On this page',
    'Facebook',
    'Print',
    'Tags',
    'Related Articles',
    'See more on Mali',
    'Privacy Policy',
    'The Lessons of 1989',
    'dataLayer',
    'not content',
    'margin-bottom',
    'Back to top',
  ])('drops page chrome: %j', (chrome) => {
    expect(sheet.text).not.toContain(chrome);
  });

  it('takes h2 and h3 headings and a bold-only paragraph as headings, with their levels', () => {
    expect(sheet.sections.map((s) => [s.heading, s.level])).toEqual([
      [null, 1],
      ['U.S. Assistance to Mali', 2],
      ['Bilateral Economic Relations', 2],
      ['Mali’s Membership in International Organizations', 3],
      ['Bilateral Representation', 2],
    ]);
    expect(sheet.sections.map((s) => s.id)).toEqual(seed.sections.map((s) => s.id));
  });

  it('keeps each resource link with its list item', () => {
    const list = sheet.sections.at(-1)!.blocks.at(-1)!;
    expect(list.type).toBe('list');
    if (list.type !== 'list') return;
    expect(list.items).toHaveLength(9);
    expect(list.items[0]).toEqual({
      text: 'CIA World Factbook Mali Page',
      href: 'https://www.cia.gov/the-world-factbook/countries/mali/',
    });
    expect(list.items[5]).toEqual({
      text: 'U.S. Census Bureau Foreign Trade Statistics International Offices Page',
      href: 'https://www.census.gov/foreign-trade/statistics/country/index.html',
    });
    const bullets = sheet.sections[1]!.blocks.find((b) => b.type === 'list');
    expect(bullets?.type === 'list' && bullets.items.every((i) => i.href === undefined)).toBe(true);
  });

  it('skips paragraphs that hold only &nbsp;', () => {
    expect(sheet.sections[0]!.blocks).toHaveLength(4);
  });

  it('finds the same figures as the text rendition', () => {
    expect(sheet.figures).toEqual(seed.figures);
  });
});
