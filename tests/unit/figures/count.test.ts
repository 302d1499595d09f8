import { pick } from '../../support/figures-of';

describe('count figures', () => {
  it('reads a scaled count with its noun and qualifier', () => {
    expect(pick('approximately 7.2 million people, live in areas', 'count')).toEqual([
      { text: '7.2 million people', value: 7_200_000, unit: 'people', qualifier: 'approximately' },
    ]);
  });

  it('reads a count after "over"', () => {
    expect(pick('January 2021 recorded over 147,000 refugees and', 'count')).toEqual([
      { text: '147,000 refugees', value: 147_000, unit: 'refugees', qualifier: 'over' },
    ]);
  });

  it('takes the counted noun from the subject before the verb', () => {
    expect(pick('in April 2021 IDPs surged past 372,000, the highest number', 'count')).toEqual([
      { text: '372,000', value: 372_000, unit: 'IDPs', qualifier: 'over' },
    ]);
  });

  it('reads "one of 15 member countries" as 15, never 1', () => {
    expect(pick('Mali is also one of 15 member countries of ECOWAS.', 'count')).toEqual([
      { text: '15 member countries', value: 15, unit: 'member countries' },
    ]);
  });

  it('reads several counts in one sentence', () => {
    const counts = pick(
      'and 5 million people experience food insecurity and 5.9 million people in need',
      'count',
    );
    expect(counts.map((c) => c.value)).toEqual([5_000_000, 5_900_000]);
  });

  it('reads spelled-out fractions of a scale', () => {
    expect(pick('some half a million people fled', 'count')).toEqual([
      { text: 'half a million people', value: 500_000, unit: 'people', qualifier: 'approximately' },
    ]);
    expect(pick('nearly 1.2 million Kenyans live abroad', 'count')[0]).toMatchObject({
      value: 1_200_000,
      unit: 'Kenyans',
    });
  });

  it('does not count a number without a counted noun', () => {
    expect(pick('The score was 42 at the end.', 'count')).toEqual([]);
    expect(pick('He tried 3 times.', 'count')).toEqual([]);
  });
});
