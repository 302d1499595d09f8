import { countriesIn, firstCountryIn } from '../../../shared/parse/country';

describe('country names in text', () => {
  it('finds ICU region names in order, in any case, longest name first', () => {
    expect(
      countriesIn('U.S.-GHANA RELATIONS, then Papua New Guinea and the Democratic Republic of the Congo'),
    ).toEqual(['Ghana', 'Papua New Guinea', 'Democratic Republic of the Congo']);
  });

  it('maps the spellings pages use to one name, and never names the United States', () => {
    expect(
      countriesIn('Côte d’Ivoire, Burma, the Federated States of Micronesia, the United States'),
    ).toEqual(["Cote d'Ivoire", 'Burma', 'Micronesia']);
  });

  it('does not take a lower-case word or part of a word for a country', () => {
    expect(firstCountryIn('They will chad the form in Omaha and Peruvian markets.')).toBeNull();
  });
});
