import type { Block } from '../../../shared/model';
import { headings, PROSE, parseText } from '../../support/text-helpers';

const listItems = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'list' ? [b.items.map((i) => i.text)] : []));

describe('headings in text sheets', () => {
  it('takes all-caps, mixed-case, indented and spaced-dash headings', () => {
    const sheet = parseText(
      `${PROSE}\n\nU.S.-CHILE RELATIONS\n\n${PROSE}\n\n    Bilateral Economic Relations\n\n${PROSE}\n\nU.S. – Papua New Guinea Relations\n\n${PROSE}`,
    );
    expect(headings(sheet)).toEqual([
      'U.S.-CHILE RELATIONS',
      'Bilateral Economic Relations',
      'U.S. – Papua New Guinea Relations',
    ]);
  });

  it('splits a run-in heading from its paragraph, but not a note or a sentence with a colon', () => {
    const sheet = parseText(
      `${PROSE}\n\nSTRONG TIES AND FRIENDSHIP: The United States and Chile have shared close ties for two centuries.\n\nNote: The totals below include emergency food aid and some regional programs.\n\nThe aim is simple: more trade and more jobs for both peoples, starting this year.`,
    );
    expect(headings(sheet)).toEqual(['STRONG TIES AND FRIENDSHIP']);
    const texts = sheet.sections.flatMap((s) => s.blocks).map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(texts).toContain('The United States and Chile have shared close ties for two centuries.');
    expect(texts.some((t) => t.startsWith('Note: The totals'))).toBe(true);
  });

  it('takes headings written without blank lines around them, one or two stacked', () => {
    const sheet = parseText(
      `${PROSE}\nOur Programs\nHealth and Nutrition\n${PROSE}\nGood Governance and Justice\n${PROSE}`,
    );
    expect(headings(sheet)).toEqual(['Our Programs', 'Health and Nutrition', 'Good Governance and Justice']);
  });

  it('does not take a capitalized wrapped line of prose for a heading', () => {
    const sheet = parseText(
      `The agreement was signed by the\nMinistry of Foreign Affairs and\nThe Embassy staff on the same day.`,
    );
    expect(headings(sheet)).toEqual([]);
  });

  it('drops a heading cut off by the end of the excerpt, and keeps a cut paragraph under its heading', () => {
    const cut = parseText(`${PROSE}\n\nU.S. Assistance to Chile\n\n${PROSE}\n\nBilateral Eco`);
    expect(headings(cut)).toEqual(['U.S. Assistance to Chile']);
    const cutParagraph = parseText(`${PROSE}\n\nU.S. Assistance to Chile\n\nThe U.S. Embassy`);
    expect(headings(cutParagraph)).toEqual(['U.S. Assistance to Chile']);
    expect(cutParagraph.text.endsWith('The U.S. Embassy')).toBe(true);
  });

  it('takes a heading after a paragraph that lost its full stop', () => {
    const sheet = parseText(
      `${PROSE} Citizens serve in large numbers\n\nU.S. Assistance to Chile\n\n${PROSE}`,
    );
    expect(headings(sheet)).toEqual(['U.S. Assistance to Chile']);
  });
});

describe('lists in text sheets', () => {
  it('reads "  •" bullets, skipping empty ones and keeping nested items', () => {
    const sheet = parseText(
      `Goals include:\n\n  • Protecting citizens at home and abroad.\n  •  \n    ◦ Training border officers.\n  • Expanding trade.`,
    );
    expect(listItems(sheet.sections.flatMap((s) => s.blocks))).toEqual([
      ['Protecting citizens at home and abroad.', 'Training border officers.', 'Expanding trade.'],
    ]);
    expect(sheet.text.startsWith('Goals include:\n\nProtecting')).toBe(true);
  });

  it('reads dash bullets written without a space', () => {
    const sheet = parseText(
      `Objectives include:\n-Protecting U.S. citizens;\n-Engaging local institutions;\n-Promoting trade.`,
    );
    expect(listItems(sheet.sections.flatMap((s) => s.blocks))).toEqual([
      ['Protecting U.S. citizens;', 'Engaging local institutions;', 'Promoting trade.'],
    ]);
    expect(parseText('Temperatures fell\n-5 degrees overnight in the north.').text).toContain('-5 degrees');
  });

  it('reads numbered lists with dash sub-items as one list', () => {
    const sheet = parseText(
      `The three pillars of our policy are:\n\n  1. Supporting elections\n    - Observers for every province\n  2. Protecting interests\n    - Full diplomatic relations`,
    );
    expect(listItems(sheet.sections.flatMap((s) => s.blocks))).toEqual([
      [
        'Supporting elections',
        'Observers for every province',
        'Protecting interests',
        'Full diplomatic relations',
      ],
    ]);
  });
});
