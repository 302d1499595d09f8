import { readFileSync } from 'node:fs';
import { type Figure, type ParsedSheet, parseSheet } from '../../shared';
import { fixturePath } from '../support/fixtures';

const SEED = fixturePath('sheets', 'mali.txt');

function measured(sheet: ParsedSheet, kind: Figure['kind']) {
  return sheet.figures
    .filter((f) => f.kind === kind)
    .map((f) => ({
      text: f.text,
      value: f.value,
      unit: f.unit,
      ...(f.qualifier === undefined ? {} : { qualifier: f.qualifier }),
      ...(f.period === undefined ? {} : { period: f.period }),
    }));
}

describe('figures of the Mali seed', () => {
  let sheet: ParsedSheet;

  beforeAll(() => {
    sheet = parseSheet(readFileSync(SEED), { id: 'mali' });
  });

  it('finds every money figure with qualifier and period', () => {
    expect(measured(sheet, 'money')).toEqual([
      {
        text: '$148 million',
        value: 148_000_000,
        unit: 'USD',
        qualifier: 'approximately',
        period: { fiscalYear: 2021 },
      },
      { text: '$75 million', value: 75_000_000, unit: 'USD', period: { fiscalYear: 2021 } },
      {
        text: '$83 million',
        value: 83_000_000,
        unit: 'USD',
        qualifier: 'over',
        period: { fiscalYear: 2021 },
      },
      {
        text: '$474 million',
        value: 474_000_000,
        unit: 'USD',
        qualifier: 'over',
        period: { fiscalYearFrom: 2011, fiscalYearTo: 2020 },
      },
    ]);
  });

  it('finds every percent figure with qualifier and period', () => {
    const y1821 = { from: '2018', to: '2021' };
    expect(measured(sheet, 'percent')).toEqual([
      { text: '57 percent', value: 57, unit: '%', period: y1821 },
      { text: '18 percent', value: 18, unit: '%', period: y1821 },
      { text: '14 percent', value: 14, unit: '%', period: y1821 },
      { text: '11 percent', value: 11, unit: '%', period: y1821 },
      { text: '35 percent', value: 35, unit: '%', qualifier: 'over' },
      { text: '20 percent', value: 20, unit: '%' },
      { text: 'five percent', value: 5, unit: '%' },
    ]);
  });

  it('finds every count figure with its counted noun and qualifier', () => {
    expect(measured(sheet, 'count')).toEqual([
      { text: '7.2 million people', value: 7_200_000, unit: 'people', qualifier: 'approximately' },
      { text: '5 million people', value: 5_000_000, unit: 'people' },
      { text: '5.9 million people', value: 5_900_000, unit: 'people' },
      { text: '147,000 refugees', value: 147_000, unit: 'refugees', qualifier: 'over' },
      { text: '372,000', value: 372_000, unit: 'IDPs', qualifier: 'over' },
      { text: '15 member countries', value: 15, unit: 'member countries' },
      { text: '55 member states', value: 55, unit: 'member states' },
      { text: '12 member countries', value: 12, unit: 'member countries' },
    ]);
  });

  it('finds the dates, fiscal years, year ranges and durations', () => {
    const dated = sheet.figures.filter((f) => f.kind === 'date' || f.kind === 'duration');
    const byText = new Map(dated.map((f) => [f.text, f]));
    expect(byText.get('1960')?.value).toBe('1960');
    expect(byText.get('March 2012')?.value).toBe('2012-03');
    expect(byText.get('May 24, 2021')?.value).toBe('2021-05-24');
    expect(byText.get('June 7')?.value).toBe('2021-06-07');
    expect(byText.get('November 9, 2021')?.value).toBe('2021-11-09');
    expect(byText.get('FY 2021')).toMatchObject({ value: '2021', fiscal: true });
    expect(byText.get('2018-2021')).toMatchObject({ value: '2018', to: '2021' });
    expect(byText.get('2022-2026')).toMatchObject({ value: '2022', to: '2026' });
    expect(byText.get('18-month')).toMatchObject({ kind: 'duration', value: 18, unit: 'month' });
    expect(byText.get('24 months')).toMatchObject({ kind: 'duration', value: 24, unit: 'month' });
  });

  it('reads none of the non-figures', () => {
    const texts = sheet.figures.map((f) => f.text);
    for (const not of ['19', '7008', '2130', '20008', '202', '332', '2249', '1', '2020 (the Act)']) {
      expect(texts).not.toContain(not);
    }
    const actYear = sheet.text.indexOf('Appropriations Act, 2020') + 'Appropriations Act, '.length;
    expect(sheet.figures.some((f) => f.start === actYear)).toBe(false);
    const covid = sheet.text.indexOf('COVID-19');
    expect(sheet.figures.some((f) => f.start <= covid + 6 && f.end > covid)).toBe(false);
  });

  it('keeps every span exact, in text order, with ids, sections and sentences', () => {
    const sectionIds = new Set(sheet.sections.map((s) => s.id));
    sheet.figures.forEach((f, i) => {
      expect(f.id).toBe(`f${i + 1}`);
      expect(sheet.text.slice(f.start, f.end)).toBe(f.text);
      expect(sectionIds.has(f.sectionId)).toBe(true);
      expect(sheet.text).toContain(f.sentence);
      expect(f.sentence).toContain(f.text);
      if (i > 0) expect(f.start).toBeGreaterThanOrEqual(sheet.figures[i - 1]?.end ?? 0);
    });
    const aid = sheet.figures.find((f) => f.text === '$148 million');
    expect(aid?.sectionId).toBe('u-s-assistance-to-mali');
    expect(aid?.sentence).toMatch(/^U\.S\. bilateral foreign assistance .* in FY 2021\.$/);
  });
});
