import { pick } from '../../support/figures-of';

describe('money as real pages write it', () => {
  it.each([
    ['The board approved a $420-million compact.', '$420-million', 420_000_000, 'USD'],
    ['Operations cost $0.045 billion.', '$0.045 billion', 45_000_000, 'USD'],
    ['The bank lent FCFA 88 billion to growers.', 'FCFA 88 billion', 88_000_000_000, 'XOF'],
    ['The ministry spent MK14 billion on clinics.', 'MK14 billion', 14_000_000_000, 'MWK'],
    ['The county raised KSh 3.2 billion.', 'KSh 3.2 billion', 3_200_000_000, 'KES'],
    ['A grant of ¥300 million followed.', '¥300 million', 300_000_000, 'JPY'],
    ['They pledged 7 million euros.', '7 million euros', 7_000_000, 'EUR'],
    ['The fund holds NGN 12 billion.', 'NGN 12 billion', 12_000_000_000, 'NGN'],
    ['The fund holds 12 billion NGN.', '12 billion NGN', 12_000_000_000, 'NGN'],
    ['Farmers earned 40 million naira.', '40 million naira', 40_000_000, 'NGN'],
  ])('reads %j as %s', (text, span, value, unit) => {
    expect(pick(text, 'money')).toEqual([{ text: span, value, unit }]);
  });

  it('reads an amount in dollars with its local-currency equivalent in parentheses', () => {
    expect(pick('Donors gave US$31 million (MK 24 billion) to the fund.', 'money')).toEqual([
      { text: 'US$31 million', value: 31_000_000, unit: 'USD' },
      { text: 'MK 24 billion', value: 24_000_000_000, unit: 'MWK' },
    ]);
  });

  it('gives both ends of a range the scale written once after the high end', () => {
    expect(pick('The plan costs $12-18 million a year.', 'money')).toEqual([
      { text: '$12', value: 12_000_000, unit: 'USD' },
      { text: '18 million', value: 18_000_000, unit: 'USD' },
    ]);
  });

  it('gives a list amount without its scale the scale of the item before it', () => {
    const text =
      'It includes:\n  • $51.3 million for roads;\n  • $98.6 for power;\n  • $12.4 million for water.';
    expect(pick(text, 'money').map((m) => m.value)).toEqual([51_300_000, 98_600_000, 12_400_000]);
    expect(pick('A meal costs $1.5 in the market.', 'money').map((m) => m.value)).toEqual([1.5]);
  });

  it('does not read an upper-case word that is no currency as one', () => {
    expect(pick('The TOP 10 list grew.', 'money')).toEqual([]);
  });
});
