import { figuresOf } from '../../support/figures-of';

function texts(text: string): string[] {
  return figuresOf(text).map((f) => f.text);
}

describe('numbers that are not figures', () => {
  it.each([
    ['the COVID-19 pandemic continues'],
    ['restrictions under section 7008 of the Act'],
    ['an embassy at 2130 R Street NW, Washington'],
    ['Washington, DC 20008'],
    ['(tel. 202-332-2249)'],
    ['call (202) 332-2249 today'],
    ['1. First item\n2) Second item'],
    ['the G20 summit and H5N1 cases'],
    ['see page 12 and Resolution 2100'],
  ])('finds no figure in %j', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('treats the year of a named law as a reference, not a date', () => {
    expect(texts('Related Programs Appropriations Act, 2020 (the Act)')).toEqual([]);
  });

  it('keeps a year after mid-, early- or late-', () => {
    expect(texts('Elections slipped to mid-2022 and COVID-19 spread.')).toEqual(['2022']);
  });

  it('drops ordinals and digits glued to units', () => {
    expect(texts('the 4th meeting measured 180ml')).toEqual([]);
  });

  it('keeps real figures next to excluded numbers', () => {
    const text =
      'Mali maintains an embassy at 2130 R Street NW, Washington, DC 20008 (tel. 202-332-2249) since 1960.';
    expect(texts(text)).toEqual(['1960']);
  });
});
