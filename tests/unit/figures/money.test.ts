import { extractMoney } from '../../../shared/figures';
import { pick } from '../../support/figures-of';

describe('money figures', () => {
  it.each([
    ['Aid totaled $148 million in FY 2021.', '$148 million', 148_000_000, 'USD'],
    ['A $1.2 billion program.', '$1.2 billion', 1_200_000_000, 'USD'],
    ['Grants of USD 5 million were made.', 'USD 5 million', 5_000_000, 'USD'],
    ['It cost $2,500 to repair.', '$2,500', 2_500, 'USD'],
    ['A loan of US$ 3 million was signed.', 'US$ 3 million', 3_000_000, 'USD'],
    ['They pledged 5 million dollars.', '5 million dollars', 5_000_000, 'USD'],
    ['The EU gave €20 million.', '€20 million', 20_000_000, 'EUR'],
    ['The UK gave £8.1 million.', '£8.1 million', 8_100_000, 'GBP'],
    ['The budget is EUR 40 million.', 'EUR 40 million', 40_000_000, 'EUR'],
    ['Fees of 500 million CFA francs apply.', '500 million CFA francs', 500_000_000, 'XOF'],
    ['It only cost 3 dollars 50 cents.', '3 dollars 50 cents', 3.5, 'USD'],
    ['A C$ 16.4 million deal.', 'C$ 16.4 million', 16_400_000, 'CAD'],
  ])('reads %j as %s', (text, span, value, unit) => {
    expect(pick(text, 'money')).toEqual([{ text: span, value, unit }]);
  });

  it('takes "a $48 million contract" as US dollars, not A$', () => {
    expect(pick('They won a $48 million contract.', 'money')).toEqual([
      { text: '$48 million', value: 48_000_000, unit: 'USD' },
    ]);
  });

  it('reads a currency symbol written after the amount, but not one that starts the next amount', () => {
    expect(pick('Notes of 5 € and 10 €.', 'money').map((m) => [m.text, m.unit])).toEqual([
      ['5 €', 'EUR'],
      ['10 €', 'EUR'],
    ]);
    expect(pick('In 2020 $5 million was spent.', 'money').map((m) => m.text)).toEqual(['$5 million']);
  });

  it('converts cents to whole currency units', () => {
    expect(pick('Prices rose 50 cents.', 'money')).toEqual([{ text: '50 cents', value: 0.5, unit: 'USD' }]);
  });

  it('is exported as a lower-level extractor with offsets into the input', () => {
    const text = 'between $75 million and €2 billion';
    const found = extractMoney(text);
    expect(found.map((m) => [text.slice(m.start, m.end), m.value, m.unit])).toEqual([
      ['$75 million', 75_000_000, 'USD'],
      ['€2 billion', 2_000_000_000, 'EUR'],
    ]);
  });

  it('does not read a bare number as money', () => {
    expect(pick('The plan has 12 pillars and 3 phases.', 'money')).toEqual([]);
  });
});
