import { figuresOf, pick } from '../../support/figures-of';

function texts(text: string): string[] {
  return figuresOf(text).map((f) => f.text);
}

describe('numbers real pages hold that are not figures', () => {
  it('drops a footnote digit fused to a percent or a thousands group', () => {
    expect(pick('Poverty fell to 31.2 percent2 last year.', 'percent')).toEqual([
      { text: '31.2 percent', value: 31.2, unit: '%' },
    ]);
    expect(pick('Some 400,0003 people moved.', 'count').map((c) => c.value)).toEqual([400_000]);
  });

  it('takes no figures from program codes and a flattened budget table', () => {
    expect(texts('Basic Education 512-003 21,400 19,750 18,000\nHealth 512-004 8,250 7,900 7,100')).toEqual(
      [],
    );
  });

  it('takes no figures from numbers inside names', () => {
    expect(texts('The Sabre 19 exercise, the Three Guianas and Vision 2040 were discussed.')).toEqual([]);
    expect(texts('The OSCE-led 3+2 talks resumed.')).toEqual([]);
    expect(texts('Links:\nCBJ 2007\nMore')).toEqual([]);
    expect(texts('On 12 March Zorland Americans met.')).toEqual([]);
  });

  it('still reads a number after a currency code or at a sentence start', () => {
    expect(texts('Zorland got KSh 5 million. Two Zorlander officers attended.')).toEqual([
      'KSh 5 million',
      'Two Zorlander officers',
    ]);
  });

  it('takes no figures from web addresses or chart alt text', () => {
    expect(texts('See //2010-2018.example.gov/r/pa/ for the archive.')).toEqual([]);
    expect(texts('Bar chart of FY 2014 spending. Values: Ops: $0.5 billion. Aid: $2.1 billion.')).toEqual([]);
  });
});
