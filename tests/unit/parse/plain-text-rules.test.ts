import { parseSheet } from '../../../shared/index';
import type { Block, ParsedSheet } from '../../../shared/model';

const PROSE = 'The United States and the partner country work together on health, trade and security.';

function parseText(source: string): ParsedSheet {
  return parseSheet(source, { contentType: 'text/plain' });
}

function blocks(sheet: ParsedSheet): Block[] {
  return sheet.sections.flatMap((s) => s.blocks);
}

describe('plain-text rules', () => {
  it('takes a short title-like line followed by prose as a heading', () => {
    const sheet = parseText(`${PROSE}\n\nU.S. Assistance to Kenya\n\n${PROSE}`);
    expect(sheet.sections.map((s) => s.heading)).toEqual([null, 'U.S. Assistance to Kenya']);
  });

  it('does not take a sentence, a lowercase line or a long line as a heading', () => {
    const sheet = parseText(
      `${PROSE}\n\nThis line ends with a period.\n\nnot a heading at all\n\n${PROSE}\n\n${'Word '.repeat(14).trim()}`,
    );
    expect(sheet.sections).toHaveLength(1);
    expect(blocks(sheet)).toHaveLength(5);
  });

  it('takes an all-caps line as a heading', () => {
    const sheet = parseText(`U.S.-KENYA RELATIONS\n\n${PROSE}`);
    expect(sheet.sections.map((s) => [s.id, s.heading])).toEqual([
      ['u-s-kenya-relations', 'U.S.-KENYA RELATIONS'],
    ]);
  });

  it.each(['•', '-', '*'])(
    'reads lines starting with %j as list items, wrapped continuations included',
    (bullet) => {
      const sheet = parseText(
        `${PROSE}\n\n${bullet} first item\n${bullet} second item that\n   wraps onto a new line\n${bullet} third`,
      );
      expect(blocks(sheet)[1]).toEqual({
        type: 'list',
        items: [
          { text: 'first item' },
          { text: 'second item that wraps onto a new line' },
          { text: 'third' },
        ],
      });
    },
  );

  it('reads numbered lines as list items without their numbering', () => {
    const sheet = parseText(`${PROSE}\n\n1. First step\n2) Second step\n10. Tenth step`);
    expect(blocks(sheet)[1]).toEqual({
      type: 'list',
      items: [{ text: 'First step' }, { text: 'Second step' }, { text: 'Tenth step' }],
    });
    expect(sheet.text).not.toContain('10.');
  });

  it('keeps bullets separated by blank lines in one list', () => {
    const sheet = parseText(`${PROSE}\n\n• one\n\n• two\n\n• three`);
    const list = blocks(sheet)[1]!;
    expect(list.type === 'list' && list.items.length).toBe(3);
  });

  it('reads short lines after a line ending in ":" as a list, in the same chunk or the next', () => {
    const nextChunk = parseText(
      `Sources are listed here:\n\nCIA World Factbook\nU.S. Embassy\nTravel Information`,
    );
    expect(blocks(nextChunk)).toEqual([
      { type: 'paragraph', text: 'Sources are listed here:' },
      {
        type: 'list',
        items: [{ text: 'CIA World Factbook' }, { text: 'U.S. Embassy' }, { text: 'Travel Information' }],
      },
    ]);
    const sameChunk = parseText(`Sources are listed here:\nCIA World Factbook\nU.S. Embassy`);
    expect(blocks(sameChunk)[1]).toEqual({
      type: 'list',
      items: [{ text: 'CIA World Factbook' }, { text: 'U.S. Embassy' }],
    });
  });

  it('joins prose broken by a stray blank line mid-sentence, but not finished sentences', () => {
    const sheet = parseText(
      'The program includes the Department of State and the Bureau of Population,\n\nRefugees and Migration (PRM) among others.\n\nA new paragraph starts here and it is long enough.',
    );
    expect(blocks(sheet).map((b) => b.type === 'paragraph' && b.text)).toEqual([
      'The program includes the Department of State and the Bureau of Population, Refugees and Migration (PRM) among others.',
      'A new paragraph starts here and it is long enough.',
    ]);
  });

  it('joins hard-wrapped lines of one paragraph with single spaces', () => {
    const sheet = parseText('The United States established\ndiplomatic relations with Kenya\nin 1964.');
    expect(blocks(sheet)).toEqual([
      { type: 'paragraph', text: 'The United States established diplomatic relations with Kenya in 1964.' },
    ]);
  });

  it('collapses ASCII whitespace runs inside a paragraph but keeps NBSP and narrow NBSP', () => {
    const sheet = parseText('Mali   maintains\tan\u202fembassy\u202fin the\u00a0 United States.');
    expect(sheet.text).toBe('Mali maintains an\u202fembassy\u202fin the\u00a0 United States.');
  });

  it('lifts header lines at the top into metadata and out of the text', () => {
    const sheet = parseText(
      `U.S. Relations With Kenya\nBureau of African Affairs\nFact Sheet\nJanuary 21, 2015\n\nU.S.-KENYA RELATIONS\n\n${PROSE}`,
    );
    expect(sheet).toMatchObject({
      title: 'U.S. Relations With Kenya',
      country: 'Kenya',
      bureau: 'Bureau of African Affairs',
      publishedOn: '2015-01-21',
      id: 'u-s-relations-with-kenya',
    });
    expect(sheet.text.startsWith('U.S.-KENYA RELATIONS\n\n')).toBe(true);
  });

  it('drops trailing furniture and title-like lines that head nothing', () => {
    const sheet = parseText(`${PROSE}\n\nU.S. Department of State\n\nDiplomacy in Action`);
    expect(sheet.text).toBe(PROSE);
  });

  it('keeps a document of short lines as paragraphs rather than dropping everything', () => {
    const sheet = parseText('Kenya\n\nNairobi');
    expect(blocks(sheet)).toEqual([
      { type: 'paragraph', text: 'Kenya' },
      { type: 'paragraph', text: 'Nairobi' },
    ]);
  });

  it('refuses text that is only header and furniture lines', () => {
    expect(() => parseText('U.S. Relations With Kenya\nFact Sheet\nJanuary 21, 2015')).toThrow(
      expect.objectContaining({ reason: 'no-content' }),
    );
  });

  it('handles 150,000 blank-separated bullets and 100,000 leading header lines', () => {
    const bullets = parseText(`${PROSE}\n\n${'• a\n\n'.repeat(150_000)}`);
    const list = blocks(bullets)[1]!;
    expect(list.type === 'list' && list.items.length).toBe(150_000);
    const headed = parseText(`${'Fact Sheet\n'.repeat(100_000)}\n${PROSE}`);
    expect(headed.text).toBe(PROSE);
  });

  it('numbers thousands of repeated headings uniquely', () => {
    const sheet = parseText(`Overview\n\n${PROSE}\n\n`.repeat(3000));
    expect(sheet.sections).toHaveLength(3000);
    expect(sheet.sections.at(-1)!.id).toBe('overview-3000');
    expect(new Set(sheet.sections.map((s) => s.id)).size).toBe(3000);
  });

  it('makes section ids unique and keeps "lead" for the lead', () => {
    const sheet = parseText(`${PROSE}\n\nLead\n\n${PROSE}\n\nOverview\n\n${PROSE}\n\nOverview\n\n${PROSE}`);
    expect(sheet.sections.map((s) => s.id)).toEqual(['lead', 'lead-2', 'overview', 'overview-2']);
  });

  it('reads the country from a "More information about X is available" lead when there is no title', () => {
    expect(
      parseText(`More information about Côte d’Ivoire is available on the country page.\n\n${PROSE}`).country,
    ).toBe('Côte d’Ivoire');
    expect(parseText(PROSE).country).toBeNull();
  });
});
