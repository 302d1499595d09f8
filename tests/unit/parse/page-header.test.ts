import { headings, PROSE, parseText } from '../../support/text-helpers';

describe('the header above a text sheet', () => {
  it('reads "Title / Bureau / Fact Sheet / date" below logo furniture, and emits no figure for the date', () => {
    const sheet = parseText(
      `printable banner\n\nU.S. Department of State - Great Seal\n\nU.S. Department of State\n\nDiplomacy in Action\n\nU.S. Relations With Zambia\n\nBureau of African Affairs\nFact Sheet\nMarch 3, 2015\n\nShare\n\nU.S.-ZAMBIA RELATIONS\n\nThe United States established diplomatic relations with Zambia in 1964.`,
    );
    expect(sheet).toMatchObject({
      title: 'U.S. Relations With Zambia',
      bureau: 'Bureau of African Affairs',
      publishedOn: '2015-03-03',
      country: 'Zambia',
    });
    expect(headings(sheet)).toEqual(['U.S.-ZAMBIA RELATIONS']);
    expect(sheet.figures.map((f) => f.value)).toEqual(['1964']);
  });

  it('reads the header in the other order (Fact Sheet before the bureau)', () => {
    const sheet = parseText(
      `U.S. Relations With Chile\nFact Sheet\nBureau of Western Hemisphere Affairs\nMay 5, 2016\n\n${PROSE}`,
    );
    expect(sheet).toMatchObject({
      title: 'U.S. Relations With Chile',
      publishedOn: '2016-05-05',
      country: 'Chile',
    });
  });

  it('takes a bureau line with no title, and a section heading after it as a heading', () => {
    const sheet = parseText(`Bureau of Budget and Planning\nApril 9, 2014\n\nPublic Outcomes\n\n${PROSE}`);
    expect(sheet).toMatchObject({
      title: null,
      bureau: 'Bureau of Budget and Planning',
      publishedOn: '2014-04-09',
    });
    expect(headings(sheet)).toEqual(['Public Outcomes']);
  });

  it('takes a dated line above a title of any form, the quote below it staying prose', () => {
    const sheet = parseText(
      `An official website of the United States government\n\nJune 2, 2022\n\nThe United States and Chile: Enduring Partners-Fact Sheet\n\n“We look forward to deepening our ties in the region.”\n\n– The Secretary, May 30, 2022\n\n${PROSE}`,
    );
    expect(sheet).toMatchObject({
      title: 'The United States and Chile: Enduring Partners-Fact Sheet',
      publishedOn: '2022-06-02',
      country: 'Chile',
    });
    expect(sheet.text.startsWith('“We look forward')).toBe(true);
    expect(sheet.figures.some((f) => f.value === '2022-06-02')).toBe(false);
  });

  it('reads a press-release header: labels above and below the title', () => {
    const sheet = parseText(
      `Press Release\n\nBoard Approves a New Water Compact With Togo\n\nFor Immediate Release\n\nJuly 14, 2016\n\nWashington, D.C.–At its meeting on July 12, the board approved a $220 million compact.`,
    );
    expect(sheet).toMatchObject({
      title: 'Board Approves a New Water Compact With Togo',
      publishedOn: '2016-07-14',
      country: 'Togo',
    });
    expect(headings(sheet)).toEqual([]);
    expect(sheet.text).not.toMatch(/Press Release|Immediate Release/);
  });

  it('takes a title with no header, and the title-like line under it as the first heading', () => {
    const sheet = parseText(
      `Water and Sanitation\n\nClean Water for Rural Towns Activity (CWRT)\n\n${PROSE}\n\nSchool Latrines Program\n\n${PROSE}`,
    );
    expect(sheet.title).toBe('Water and Sanitation');
    expect(headings(sheet)).toEqual([
      'Clean Water for Rural Towns Activity (CWRT)',
      'School Latrines Program',
    ]);
  });

  it('ignores a title repeated on the next line', () => {
    const sheet = parseText(`Annual Review of Partnerships\nAnnual Review of Partnerships\n\n${PROSE}`);
    expect(sheet.title).toBe('Annual Review of Partnerships');
    expect(sheet.sections.map((s) => s.heading)).toEqual([null]);
  });

  it('drops a navigation menu, logo text and label rows above the title', () => {
    const sheet = parseText(
      `- What We Do\n- Health\n- Education\n- Working in Crises\nSpeeches Shim\nAnnual Review 2020: A Year of Response\nThe office responded to 40 emergencies in 2020, assisting millions of people across three regions.`,
    );
    expect(sheet.title).toBe('Annual Review 2020: A Year of Response');
    expect(sheet.text).not.toMatch(/What We Do|Speeches/);
    const logo = parseText(
      `United States\nNavy Europe\nCapital Area Languages Population Currency\n\n${PROSE}`,
    );
    expect(logo.title).toBeNull();
    expect(logo.text).toBe(PROSE);
  });

  it('drops a site tab above a heading, but a tab standing alone above the prose is the title', () => {
    const tabbed = parseText(`U.S. Relationship\n\nU.S.-Peru Relations\n\n${PROSE}`);
    expect(tabbed.title).toBeNull();
    expect(headings(tabbed)).toEqual(['U.S.-Peru Relations']);
    expect(tabbed.text).not.toContain('U.S. Relationship');
    expect(parseText(`Policy & History\n\n${PROSE}`).title).toBe('Policy & History');
  });

  it('keeps the rows of a table above the prose as text, not as headings', () => {
    const sheet = parseText(`Country Budget\n\nProgram 2019 2020\nHealth 100 120\n\n${PROSE}`);
    expect(sheet.title).toBe('Country Budget');
    expect(headings(sheet)).toEqual([]);
    expect(sheet.text).toContain('Health 100 120');
  });

  it('keeps a line with a number above the prose as text, so its figure is not lost', () => {
    const sheet = parseText(`Key Facts

Population: 5.3 million people

${PROSE}`);
    expect(sheet.text.startsWith('Population: 5.3 million people')).toBe(true);
    expect(sheet.figures.some((f) => f.value === 5_300_000)).toBe(true);
  });
});

describe('the country of a text sheet', () => {
  it('comes from a "U.S.-X Relations" heading, a title naming a country, or the "More information" lead', () => {
    expect(parseText(`${PROSE}\n\nU.S. – Papua New Guinea Relations\n\n${PROSE}`).country).toBe(
      'Papua New Guinea',
    );
    expect(parseText(`Fact Sheet: Expanded Engagement in Burkina Faso\n\n${PROSE}`).country).toBe(
      'Burkina Faso',
    );
    expect(parseText(`More information about Laos is available on the Laos Page.\n\n${PROSE}`).country).toBe(
      'Laos',
    );
  });

  it('is the country the prose names most, and none for a survey of many countries', () => {
    const one = 'Support to Ghana grew. Ghana held elections. Ghana and Togo trade; Ghana exports cocoa.';
    expect(parseText(one).country).toBe('Ghana');
    const survey = 'Teams helped Kenya, Chad, Mali, Niger and Peru, then Kenya and Chad again, then Mali.';
    expect(parseText(survey).country).toBeNull();
  });
});
