import { SENTENCE_CAP } from '../../../shared/figures/sentence-window';
import { figuresOf } from '../../support/figures-of';

/** Every figure keeps the span contract and a sentence of the text around it no longer than the cap. */
function expectBounded(text: string, figures: ReturnType<typeof figuresOf>): void {
  const broken = figures.filter((f) => {
    // The occurrence of the sentence that holds the figure (the text repeats itself).
    let at = text.indexOf(f.sentence, Math.max(0, f.end - f.sentence.length));
    while (at >= 0 && at <= f.start && at + f.sentence.length < f.end) at = text.indexOf(f.sentence, at + 1);
    return (
      text.slice(f.start, f.end) !== f.text ||
      f.sentence.length > SENTENCE_CAP ||
      at < 0 ||
      at > f.start ||
      at + f.sentence.length < f.end
    );
  });
  expect(broken).toEqual([]);
}

describe('work per document stays bounded', () => {
  it('gives each of 20,000 one-sentence amounts its own short sentence (240 KB upload)', () => {
    const text = `U.S. Relations With Zorland\n\n${'$5 million. '.repeat(20_000)}`;
    const figures = figuresOf(text);
    expect(figures).toHaveLength(20_000);
    expect(figures.every((f) => f.value === 5_000_000 && f.sentence === '$5 million.')).toBe(true);
    expectBounded(text, figures);
  });

  it('caps the sentence of every figure in a run-on text with no sentence break at all', () => {
    const text = '$5 million and '.repeat(16_000);
    const figures = figuresOf(text);
    expect(figures).toHaveLength(16_000);
    expectBounded(text, figures);
    const total = figures.reduce((sum, f) => sum + f.sentence.length, 0);
    expect(total).toBeLessThanOrEqual(figures.length * SENTENCE_CAP);
  });

  it('keeps a short sentence whole and cuts a long one at word boundaries around its figure', () => {
    const long = `${'word '.repeat(200)}gave $7 million to ${'more '.repeat(200)}`;
    const [f] = figuresOf(long);
    expect(f?.text).toBe('$7 million');
    expect(f?.sentence.length).toBeLessThanOrEqual(SENTENCE_CAP);
    expect(f?.sentence).toMatch(/^word .* more$/);
    expect(figuresOf('Zorland got $3 million in 2020.')[0]?.sentence).toBe('Zorland got $3 million in 2020.');
  });

  it('reads a long chain of spelled-out numbers without deep recursion', () => {
    const text = 'one million and '.repeat(15_000);
    expect(() => figuresOf(text)).not.toThrow();
  });
});
