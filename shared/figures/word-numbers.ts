/**
 * Spelled-out numbers: integers (`twenty-one trillion and three hundred`), decimals (`nine point nought four`)
 * and fractions (`two thirds`, `a hundredth`, `one hundred thirty fifths` = 100/35).
 */

import type { TokenClass } from './number-tokens';
import { isUnitOrdinal } from './number-words';
import { type Parsed, TokenCursor } from './token-cursor';

export interface IntegerParse extends Parsed {
  /** Classes of the tokens consumed, in order (dash connectors excluded). */
  classes: TokenClass[];
  /** Value of the last tens word when it closed the number (`one hundred thirty` → 30), else 0. */
  trailingTens: number;
  /** The scale word that closed the number (`one million` → 1e6), else 1. */
  closingScale: number;
}

/** Parses spelled-out integers, decimals and fractions from a token position. */
// A fraction's numerator is short (`one hundred thirty fifths`); the look-ahead reads no further.
const NUMERATOR_TOKENS = 12;

export class WordNumberParser extends TokenCursor {
  /**
   * Spelled-out integer starting at token `i` (`a hundred`, `twenty-one trillion and three hundred`).
   * `nested` is the look-ahead for a fraction's numerator: a few tokens, never looking further ahead
   * itself, so `one million and one million and …` costs linear time and no recursion depth.
   */
  integer(i: number, nested = false): IntegerParse | undefined {
    let total = 0;
    let current = 0;
    let lastAdded = 0;
    let lastScale = Number.POSITIVE_INFINITY;
    let prev: TokenClass | undefined;
    let trailingTens = 0;
    const classes: TokenClass[] = [];
    let j = i;
    let next = i;
    const stop = nested ? Math.min(this.toks.length, i + NUMERATOR_TOKENS) : this.toks.length;
    while (j < stop) {
      const t = this.tok(j);
      const c = t.cls;
      let ok = false;
      if (c === 'a') {
        const after = this.follow(j, false);
        const ac = after === undefined ? undefined : this.cls(after);
        ok = prev === undefined && (ac === 'hundred' || ac === 'scale' || ac === 'dozen');
        if (ok) current = lastAdded = 1;
      } else if (c === 'unit' || c === 'teen') {
        ok =
          prev === undefined ||
          prev === 'hundred' ||
          prev === 'scale' ||
          prev === 'and' ||
          (prev === 'tens' && c === 'unit' && t.value !== 0);
        if (ok) {
          current += t.value;
          lastAdded = t.value;
        }
      } else if (c === 'tens') {
        ok = prev === undefined || prev === 'hundred' || prev === 'scale' || prev === 'and';
        if (ok) {
          current += t.value;
          lastAdded = t.value;
        }
      } else if (c === 'hundred') {
        ok =
          (prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'a') &&
          current > 0 &&
          current < 100;
        if (ok) current = lastAdded = current * 100;
      } else if (c === 'scale') {
        if (prev === 'scale' && t.value > lastScale && total > 0 && current === 0) {
          ok = true; // `three lakh crore`: scales multiply
          total *= t.value;
          lastScale = t.value;
        } else {
          ok =
            (prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'hundred' || prev === 'a') &&
            t.value < lastScale;
          if (ok) {
            total += current * t.value;
            current = 0;
            lastScale = t.value;
          }
        }
      } else if (c === 'dozen') {
        ok = prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'a';
        if (ok) current += lastAdded * 11;
      } else if (c === 'and') {
        const k = this.follow(j, false);
        const kc = k === undefined ? undefined : this.cls(k);
        ok =
          (prev === 'hundred' || prev === 'scale') &&
          (kc === 'unit' || kc === 'teen' || kc === 'tens') &&
          k !== undefined &&
          // `one million and two thirds` is 1⅔ million; `one hundred and three quarters` is 100¾.
          (nested || !(prev === 'scale' ? this.fraction(k, true) !== undefined : this.quarterFraction(k)));
      } else if (c === 'point') {
        if (prev !== undefined && prev !== 'and' && prev !== 'a') {
          const dec = this.decimals(j);
          if (dec !== undefined) {
            classes.push(c);
            return {
              value: total + current + dec.value,
              next: dec.next,
              classes,
              trailingTens: 0,
              closingScale: 1,
            };
          }
        }
      }
      if (!ok) break;
      trailingTens = c === 'tens' && prev !== 'and' && classes.length > 0 ? t.value : 0;
      if (c === 'tens' && prev === undefined) trailingTens = 0;
      classes.push(c);
      prev = c;
      next = j + 1;
      // A dash joins `twenty-one`, `fifty - two`; anything else ends the number.
      const f = this.follow(j, c === 'tens');
      if (f === undefined) break;
      if (f === j + 2 && this.cls(f) !== 'unit') break;
      j = f;
    }
    if (classes.length === 0 || prev === 'a' || prev === 'and') return undefined;
    const closingScale = prev === 'scale' && current === 0 ? lastScale : 1;
    return { value: total + current, next, classes, trailingTens, closingScale };
  }

  /** `and three quarters` / `and a half`: these bind as a fraction added to what precedes. */
  protected quarterFraction(k: number): boolean {
    const n = this.integer(k, true);
    if (n === undefined) return false;
    const d = this.cls(n.next);
    return (d === 'quarter' || d === 'half') && this.adjacent(n.next - 1, n.next);
  }

  protected decimals(pointIndex: number): Parsed | undefined {
    let digits = '';
    let j = pointIndex;
    for (;;) {
      const k = this.follow(j, this.cls(j) === 'tens');
      const t = k === undefined ? undefined : this.toks[k];
      if (k === undefined || t === undefined) break;
      if (t.cls === 'unit') digits += String(t.value);
      else if ((t.cls === 'teen' || t.cls === 'tens') && (j === pointIndex || this.cls(j) !== 'tens'))
        digits += t.cls === 'tens' ? String(t.value / 10) : String(t.value);
      else break;
      j = k;
      if (t.cls === 'teen') break;
    }
    if (digits === '') return undefined;
    return { value: Number(`0.${digits}`), next: j + 1 };
  }

  /** A denominator at `k`: `fifth(s)`, `twenty-first`, `thirty fifths`, `half`, `quarters`. */
  protected denominator(k: number): { value: number; plural: boolean; next: number } | undefined {
    const t = this.toks[k];
    if (t === undefined) return undefined;
    // `first` alone is an ordinal (`a first class seat`), never a denominator.
    if ((t.cls === 'ord' && t.value !== 1) || t.cls === 'half' || t.cls === 'quarter')
      return { value: t.value, plural: t.plural, next: k + 1 };
    if (t.cls === 'tens') {
      const o = this.follow(k, true);
      const ot = o === undefined ? undefined : this.toks[o];
      if (ot !== undefined && ot.cls === 'ord' && isUnitOrdinal(ot.word.replace(/s$/, '')))
        return { value: t.value + ot.value, plural: ot.plural, next: (o ?? k) + 1 };
    }
    return undefined;
  }

  /** `two thirds`, `a fifth`, `one hundred thirty fifths` (100/35), `twenty one fifths` (21/5). */
  protected fraction(i: number, nested = false): Parsed | undefined {
    if (this.cls(i) === 'a') {
      const k = this.follow(i, false);
      const d = k === undefined ? undefined : this.denominator(k);
      if (d !== undefined && !d.plural) return { value: 1 / d.value, next: d.next };
      const n = this.integer(i, nested);
      if (n === undefined) return undefined;
      return this.fractionAfter(n);
    }
    const n = this.integer(i, nested);
    return n === undefined ? undefined : this.fractionAfter(n);
  }

  protected fractionAfter(n: IntegerParse): Parsed | undefined {
    const last = n.next - 1;
    const k = this.follow(last, true);
    if (k === undefined) return undefined;
    const d = this.denominator(k);
    if (d === undefined) return undefined;
    let numerator = n.value;
    let den = d.value;
    // `one hundred thirty fifths`: a trailing tens word joins a one-digit ordinal (100/35), unless `and`
    // tied it to the numerator.
    const ord = this.toks[k];
    if (n.trailingTens > 0 && ord?.cls === 'ord' && isUnitOrdinal(ord.word.replace(/s$/, ''))) {
      numerator -= n.trailingTens;
      den += n.trailingTens;
    }
    if (!d.plural && numerator !== 1) return undefined;
    return { value: numerator / den, next: d.next };
  }

  /** A number starting at token `i`, or undefined. */
}
