import {
  countryFromTitle,
  findDate,
  isBureauLine,
  isDocTypeLine,
  isFurnitureLine,
  parseDateLine,
} from '../../../shared/parse/header-lines';
import { findCountry } from '../../../shared/parse/sheet-frame';
import { slugify } from '../../../shared/parse/slug';

describe('header lines', () => {
  it.each([
    ['January 10, 2022', '2022-01-10'],
    ['Jan. 10, 2022', '2022-01-10'],
    ['Sept 3 2019', '2019-09-03'],
    ['21 January 2015', '2015-01-21'],
    ['2015-01-21', '2015-01-21'],
    ['2022-01-10T09:00:00-05:00', '2022-01-10'],
  ])('reads the date line %j as %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(['February 30, 2021', 'January 2022', 'FY 2021', 'On January 10, 2022 we met'])(
    'does not read %j as a date line',
    (line) => {
      expect(parseDateLine(line)).toBeNull();
    },
  );

  it('finds a date inside a longer line', () => {
    expect(findDate('Published January 10, 2022 by the Bureau')).toBe('2022-01-10');
    expect(findDate('No date here')).toBeNull();
  });

  it('reads the country from "U.S. Relations With X" titles only', () => {
    expect(countryFromTitle('U.S. Relations With Mali')).toBe('Mali');
    expect(countryFromTitle('U.S. Relations With the Democratic Republic of the Congo')).toBe(
      'the Democratic Republic of the Congo',
    );
    expect(countryFromTitle('Relations between the U.S. and Mali')).toBeNull();
    expect(findCountry('U.S. Relations With Kenya', 'More information about Mali is available')).toBe(
      'Kenya',
    );
  });

  it('recognizes bureau, document type and furniture lines', () => {
    expect(isBureauLine('Bureau of African Affairs')).toBe(true);
    expect(isBureauLine('Bureau of African Affairs staff met today.')).toBe(false);
    expect(isDocTypeLine('Bilateral Relations Fact Sheet')).toBe(true);
    expect(isDocTypeLine('Fact Sheet')).toBe(true);
    expect(isDocTypeLine('This fact sheet describes relations')).toBe(false);
    expect(isFurnitureLine('  U.S. Department of State ')).toBe(true);
    expect(isFurnitureLine('The Department of State funds schools.')).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['U.S. Assistance to Mali', 'u-s-assistance-to-mali'],
    ['Mali’s Membership in International Organizations', 'malis-membership-in-international-organizations'],
    ['Côte d’Ivoire — Overview', 'cote-divoire-overview'],
    ['!!!', 'section'],
  ])('%j → %s', (heading, slug) => {
    expect(slugify(heading)).toBe(slug);
  });

  it('caps very long headings so ids stay within 128 characters', () => {
    expect(slugify('Word '.repeat(100)).length).toBeLessThanOrEqual(120);
  });
});
