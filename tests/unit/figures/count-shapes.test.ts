import { pick } from '../../support/figures-of';

describe('counts as real pages write them', () => {
  it.each([
    ['The two nations signed it.', 'two nations', 2, 'nations'],
    ['It was witnessed by four governors.', 'four governors', 4, 'governors'],
    ['Zorland is one of 27 member states.', '27 member states', 27, 'member states'],
    [
      'Three randomized field trials showed it.',
      'Three randomized field trials',
      3,
      'randomized field trials',
    ],
    [
      'A group of nine U.S. government agencies met.',
      'nine U.S. government agencies',
      9,
      'U.S. government agencies',
    ],
    ['Over 90 UN-member states agreed.', '90 UN-member states', 90, 'UN-member states'],
    ['The storm destroyed 45,000 houses.', '45,000 houses', 45_000, 'houses'],
    ['Famine struck nearly a million Zorlanders.', 'a million Zorlanders', 1_000_000, 'Zorlanders'],
  ])('reads %j as %s', (text, span, value, unit) => {
    expect(pick(text, 'count').map(({ qualifier: _q, ...c }) => c)).toEqual([{ text: span, value, unit }]);
  });

  it('counts with the noun implied: "more than 150 killed", "400,000 of whom"', () => {
    expect(pick('More than 150 killed, and 400,000 of whom fled.', 'count')).toEqual([
      { text: '150', value: 150, qualifier: 'over' },
      { text: '400,000', value: 400_000 },
    ]);
  });

  it('counts physical quantities in their unit, including "a half-ton"', () => {
    expect(pick('The plant makes 250 MW; 12,000 hectares and a half-ton of seed.', 'count')).toEqual([
      { text: '250 MW', value: 250, unit: 'MW' },
      { text: '12,000 hectares', value: 12_000, unit: 'hectares' },
      { text: 'a half-ton', value: 0.5, unit: 'ton' },
    ]);
  });

  it('reads a population estimate as approximate', () => {
    expect(pick('Population: 6.1 million: 2019 estimate', 'count')).toEqual([
      { text: '6.1 million', value: 6_100_000, qualifier: 'approximately' },
    ]);
  });

  it('gives both ends of a count range the scale written once', () => {
    expect(pick('The war caused 2-4 million casualties.', 'count').map((c) => c.value)).toEqual([
      2_000_000, 4_000_000,
    ]);
  });
});
