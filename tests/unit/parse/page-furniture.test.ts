import { isSiteFurniture } from '../../../shared/parse/furniture';
import { PROSE, parseText } from '../../support/text-helpers';

const BANNER = [
  'An official website of the United States government',
  "Here's how you know",
  'Official websites use .gov',
  'A .gov website belongs to an official government organization in the United States.',
  'Secure .gov websites use HTTPS',
  'A lock ( ) or https:// means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.',
].join('\n');

describe('site furniture in a text extraction', () => {
  it.each([
    'printable banner',
    'U.S. Department of State - Great Seal',
    'Diplomacy in Action',
    'Home » Countries » Peru',
    'Home | News & Events | Visas | Business',
    'Regions »',
    'Share',
    'Share this page:',
    'Stay Connected',
    'Select a Country or Other Area',
    'Travel Advisory Level 2: Exercise Increased Caution',
    'Level 3: Reconsider Travel',
    'Chile [Getty Images]',
    '![Embassy building at dusk](https://example.org/embassy.jpg)',
    'Learn MoreU.S. Relations With Zambia',
    'Speeches Shim',
    'Fact Sheets',
    'Skip to main content',
    'Skip Global Navigation to Main Content',
    'Back to previous page',
    'Flag of Chile',
    'Photo showing a new clinic opened with partner support.',
    'Please note: All linked documents are in PDF format',
    'Search',
    'Search for information in the annual budget request:',
  ])('recognizes %j', (line) => {
    expect(isSiteFurniture(line)).toBe(true);
  });

  it.each([
    'Share of exports to the region rose to 40 percent in 2020.',
    'Search and rescue teams trained 300 officers.',
    'U.S. Assistance to Chile',
    'Exports | Imports',
    'Learning from the 2010 earthquake, the two countries built 500 shelters.',
    PROSE,
  ])('leaves prose and headings alone: %j', (line) => {
    expect(isSiteFurniture(line)).toBe(false);
  });

  it('drops the .gov banner, captions, tabs and widgets from the text and never heads a section with them', () => {
    const sheet = parseText(
      `${BANNER}\nPeru [Shutterstock]\n\n\nHighlights\n\nU.S. – Peru Relations\n\nThe United States and Peru opened relations in 1827 and trade grew 8 percent in 2019.\n\nShare\n\nStay Connected\n\nBilateral Economic Relations\n\n${PROSE}`,
    );
    expect(sheet.sections.map((s) => s.heading)).toEqual([
      'U.S. – Peru Relations',
      'Bilateral Economic Relations',
    ]);
    for (const phrase of [
      'official website',
      '.gov',
      'Shutterstock',
      'Highlights',
      'Share',
      'Stay Connected',
    ]) {
      expect(sheet.text).not.toContain(phrase);
    }
    expect(sheet.title).toBeNull();
    expect(sheet.country).toBe('Peru');
  });

  it('keeps every figure of the prose: a page with furniture has the figures of the same page without it', () => {
    const body = `The United States and Peru opened relations in 1827.\n\nU.S. Assistance to Peru\n\nAssistance reached $45 million in FY 2021, and 12 regions took part.`;
    const framed = parseText(
      `printable banner\n\nDiplomacy in Action\n\nHome » Countries » Peru\n\n${body}\n\nShare\n\nSelect a Country or Other Area`,
    );
    const plain = parseText(body);
    const values = (s: typeof plain) => s.figures.map((f) => [f.kind, f.value, f.text]);
    expect(values(framed)).toEqual(values(plain));
    expect(values(plain).length).toBeGreaterThanOrEqual(3);
  });

  it('removes markdown images inside prose and archive notices about the site', () => {
    const sheet = parseText(
      `Note to our readers: Background Notes are no longer being updated or produced.\n\nFor the most recently published version of this fact sheet, see the archive site.\n\n![Port at dawn](https://example.org/port.jpg) The port handled 2 million containers in 2018.`,
    );
    expect(sheet.text).toBe('The port handled 2 million containers in 2018.');
  });
});
