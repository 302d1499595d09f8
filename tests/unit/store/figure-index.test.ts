import type { Figure } from '../../../shared/model';
import {
  countryKey,
  figureMatches,
  figurePosition,
  fiscalYearsOf,
  MAX_INDEXED_SPAN,
  parsePosition,
} from '../../../shared/store/figure-index';

const figure = (extra: Partial<Figure>): Figure => ({
  id: 'f1',
  kind: 'money',
  value: 1,
  unit: 'USD',
  text: '$1',
  start: 0,
  end: 2,
  sectionId: 'lead',
  sentence: '$1',
  ...extra,
});

describe('cross-sheet figure filters', () => {
  it('compares countries without case, spacing or a leading "the"', () => {
    expect(['The Gambia', 'gambia', '  GAMBIA ', 'the  gambia'].map(countryKey)).toEqual(
      Array(4).fill('gambia'),
    );
    expect(countryKey('Theland')).toBe('theland');
  });

  it('a fiscal span covers each of its years; an outsized one is indexed for its first years only', () => {
    expect(fiscalYearsOf(figure({ period: { fiscalYearFrom: 2011, fiscalYearTo: 2013 } }))).toEqual([
      2011, 2012, 2013,
    ]);
    expect(fiscalYearsOf(figure({ period: { fiscalYear: 2021 } }))).toEqual([2021]);
    expect(fiscalYearsOf(figure({ kind: 'date', value: '2019', fiscal: true }))).toEqual([2019]);
    expect(fiscalYearsOf(figure({ period: { from: '2018', to: '2021' } }))).toEqual([]);
    expect(fiscalYearsOf(figure({ period: { fiscalYearFrom: 1900, fiscalYearTo: 2200 } }))).toHaveLength(
      MAX_INDEXED_SPAN,
    );
  });

  it('matches kind, fiscal year and country together', () => {
    const span = figure({ period: { fiscalYearFrom: 2011, fiscalYearTo: 2020 } });
    expect(
      figureMatches({ kind: 'money', fiscalYear: 2015, country: 'the gambia' }, span, 'The Gambia'),
    ).toBe(true);
    expect(figureMatches({ fiscalYear: 2021 }, span, null)).toBe(false);
    expect(figureMatches({ country: 'Mali' }, span, null)).toBe(false);
    expect(figureMatches({ kind: 'percent' }, span, 'Mali')).toBe(false);
  });

  it('positions sort by sheet id then figure number; anything else is a cursor error', () => {
    const positions = [figurePosition('mali-2', 0), figurePosition('mali', 10), figurePosition('mali', 2)];
    expect([...positions].sort()).toEqual(['mali#00002', 'mali#00010', 'mali-2#00000']);
    expect(parsePosition('mali#00010')).toEqual({ sheetId: 'mali', n: 10 });
    expect(() => parsePosition('FY#2021#mali')).toThrow(expect.objectContaining({ parameter: 'cursor' }));
  });
});
