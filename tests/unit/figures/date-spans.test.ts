import { extractDateSpans } from '../../../shared/figures/date-spans';

function spans(text: string): [string, string][] {
  return extractDateSpans(text).map((d) => [text.slice(d.start, d.end), d.value]);
}

describe('absolute date spans (the conformance run)', () => {
  it.each([
    ['we met on tuesday march 3rd, 2015 there', 'tuesday march 3rd, 2015', '2015-03-03'],
    ['due 03/14/2019', '03/14/2019', '2019-03-14'],
    ['due 28/02/2019', '28/02/2019', '2019-02-28'],
    ['due 7-4-19', '7-4-19', '2019-07-04'],
    ['due 2018/10/05', '2018/10/05', '2018-10-05'],
    ['due 2020-oct-3', '2020-oct-3', '2020-10-03'],
    ['due 14.6.2011', '14.6.2011', '2011-06-14'],
    ['due 9th may of 2012', '9th may of 2012', '2012-05-09'],
    ['out in Aug., 2004', 'Aug., 2004', '2004-08'],
    ['out in 2014/7', '2014/7', '2014-07'],
    ['out the second quarter of 2018', 'the second quarter of 2018', '2018-04-01/2018-07-01'],
    ['out the fourth week of 2030', 'the fourth week of 2030', '2030-W04'],
    ['out in winter of 2019', 'winter of 2019', '2019-WI'],
    ['out from 3 to 9 March, 2016', 'from 3 to 9 March, 2016', '2016-03-03/2016-03-09'],
    ['out May 2, 2014 - 06/30/2014', 'May 2, 2014 - 06/30/2014', '2014-05-02/2014-06-30'],
  ])('reads %j', (text, span, value) => {
    expect(spans(text)).toEqual([[span, value]]);
  });

  it('does not take the decimals of a number as a day', () => {
    expect(spans('5,210.28 March 2018 rose')).toEqual([['March 2018', '2018-03']]);
  });

  it('reads no impossible day', () => {
    expect(spans('due 02/30/2019')).toEqual([]);
  });
});
