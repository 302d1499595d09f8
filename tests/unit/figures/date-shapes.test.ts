import { figuresOf } from '../../support/figures-of';

function dates(text: string) {
  return figuresOf(text)
    .filter((f) => f.kind === 'date')
    .map((f) => [f.text, f.value, ...(f.to === undefined ? [] : [f.to])]);
}

describe('dates as real pages write them', () => {
  it('reads a full date without a space after the comma', () => {
    expect(dates('It became free on July 4,1811 at last.')).toEqual([['July 4,1811', '1811-07-04']]);
  });

  it('reads short year ranges as ranges', () => {
    expect(dates('After the 1939-44 siege and growth in 2016-17 it rose.')).toEqual([
      ['1939-44', '1939', '1944'],
      ['2016-17', '2016', '2017'],
    ]);
  });

  it('gives both months of "from March to September 2011" the year written once', () => {
    expect(dates('The survey ran from March to September 2011.')).toEqual([
      ['March', '2011-03'],
      ['September 2011', '2011-09'],
    ]);
  });

  it('takes a month and day without a year only after a full date in the same sentence', () => {
    expect(dates('They met on May 3, 2019 and again on June 9.')).toEqual([
      ['May 3, 2019', '2019-05-03'],
      ['June 9', '2019-06-09'],
    ]);
    expect(dates('They met on June 9 to talk.')).toEqual([]);
  });

  it('reads a year before 1800 after a preposition, not as a bare number', () => {
    expect(dates('The treaty was signed in 1786.')).toEqual([['1786', '1786']]);
    expect(figuresOf('They sent 1600 troops.').map((f) => [f.kind, f.value])).toEqual([['count', 1600]]);
  });
});
