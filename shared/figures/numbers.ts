/**
 * Numbers written in digits or words: `1,234.5`, `7.2 million`, `10k`, `3 1/2`, `1e5`, `one hundred and
 * twenty-three`, `a dozen`, `two thirds`, `five and a half`, `nine point nought four`, `minus five`.
 */

import { matchingCopy } from './matching-copy';
import { type Token, tokenize } from './number-tokens';
import type { Parsed } from './token-cursor';
import { WordNumberParser } from './word-numbers';

/** A number found in a text: `[start, end)` indexes the text given to {@link extractNumbers}. */
export interface NumberSpan {
  start: number;
  end: number;
  value: number;
  /** Spelled out in words (`five`) rather than digits. */
  words: boolean;
}

export interface NumberOptions {
  /**
   * Also read forms that are ambiguous in prose: decimal commas (`1,3`), `1 over 3` / `one out of three`
   * fractions, a bare `half`, powers (`1.1^23`), spaced one-letter scales (`2.33 k`) and `- 5` negatives.
   * The fact-sheet extractor leaves this off; the conformance run turns it on.
   */
  lenient?: boolean;
}

/** Numbers in digits, with signs, scales, fractions and powers; words come from the base class. */
class Parser extends WordNumberParser {
  number(i: number): Parsed | undefined {
    const t = this.toks[i];
    if (t === undefined) return undefined;
    if (t.cls === 'neg') {
      const k = this.follow(i, false);
      const n = k === undefined ? undefined : this.unsigned(k);
      return n === undefined ? undefined : { value: -n.value, next: n.next };
    }
    if (t.cls === 'dash' && this.cls(i + 1) === 'num') {
      const before = t.start === 0 ? ' ' : this.copy.charAt(t.start - 1);
      const attached = this.toks[i + 1]?.start === t.end;
      const leading = this.lenient && this.copy.slice(0, t.start).trim() === '';
      if ((attached && /[\s([<>=~]/.test(before)) || (leading && this.adjacent(i, i + 1))) {
        const n = this.unsigned(i + 1);
        return n === undefined ? undefined : { value: -n.value, next: n.next };
      }
      return undefined;
    }
    return this.unsigned(i);
  }

  private unsigned(i: number): Parsed | undefined {
    const t = this.toks[i];
    if (t === undefined) return undefined;
    const base = t.cls === 'num' ? this.digits(i) : this.words(i);
    if (base === undefined || !this.lenient) return base;
    return this.ratio(base) ?? base;
  }

  /** Lenient only: `1 over 3`, `one out of three`. */
  private ratio(base: Parsed): Parsed | undefined {
    const last = base.next - 1;
    const k = this.follow(last, false);
    if (k === undefined) return undefined;
    let d = k;
    if (this.cls(k) === 'out') {
      const of = this.follow(k, false);
      if (of === undefined || this.cls(of) !== 'of') return undefined;
      d = of;
    } else if (this.cls(k) !== 'over') return undefined;
    const m = this.follow(d, false);
    const den = m === undefined ? undefined : this.unsignedNoRatio(m);
    if (den === undefined || den.value === 0) return undefined;
    // `$2000 over 3 years` is a duration, not a ratio; `12 out of 10` is two numbers.
    const after = this.toks[den.next - 1];
    const over = this.cls(k) === 'over';
    if (over && after !== undefined && /^\s+[a-z]/i.test(this.copy.slice(after.end, after.end + 3)))
      return undefined;
    if (!over && base.value > den.value) return undefined;
    return { value: base.value / den.value, next: den.next };
  }

  private unsignedNoRatio(i: number): Parsed | undefined {
    return this.cls(i) === 'num' ? this.digits(i) : this.words(i);
  }

  private digits(i: number): Parsed {
    const t = this.tok(i);
    let value = t.value;
    let next = i + 1;
    // `2 1/4`, `3/4`: whole integers only, and never part of a date such as 5/17/2018.
    const slashAt = (a: number): number | undefined => {
      const s = this.toks[a];
      const d = this.toks[a + 1];
      const num = this.toks[a - 1];
      if (s?.cls !== 'slash' || d?.cls !== 'num' || num === undefined) return undefined;
      if (s.start !== num.end || d.start !== s.end || num.decimal || d.decimal || d.value === 0)
        return undefined;
      if (this.toks[a + 2]?.cls === 'slash' && this.toks[a + 2]?.start === d.end) return undefined;
      if (num.start > 0 && this.copy.charAt(num.start - 1) === '/') return undefined;
      return a + 2;
    };
    const simple = slashAt(i + 1);
    if (simple !== undefined) return { value: value / this.tok(i + 2).value, next: simple };
    const mixedNum = this.toks[i + 1];
    if (mixedNum?.cls === 'num' && this.adjacent(i, i + 1) && !t.decimal) {
      const mixed = slashAt(i + 2);
      if (mixed !== undefined && mixedNum.value < this.tok(i + 3).value)
        return { value: value + mixedNum.value / this.tok(i + 3).value, next: mixed };
    }
    if (this.lenient && this.cls(i + 1) === 'caret' && this.toks[i + 1]?.start === t.end) {
      let k = i + 2;
      let sign = 1;
      while (this.cls(k) === 'dash' || this.cls(k) === 'plus') {
        if (this.cls(k) === 'dash') sign = -sign;
        k++;
      }
      const e = this.toks[k];
      if (e?.cls === 'num') return { value: value ** (sign * e.value), next: k + 1 };
    }
    // Scale words after digits: `7.2 million`, `322 hundred`, `3 dozens`, `10 bln`, `1,674.5 G` (lenient).
    let scale = 1;
    for (;;) {
      const k = this.gluedScale(next - 1) ?? this.follow(next - 1, false);
      const s = k === undefined ? undefined : this.toks[k];
      if (k === undefined || s === undefined) break;
      if (s.cls === 'scale' || s.cls === 'hundred' || s.cls === 'dozen') {
        value *= s.value;
        scale = s.cls === 'scale' ? s.value : 1;
      } else if (s.cls === 'lscale' && (s.word.length > 1 || this.lenient) && this.spacedScaleOk(s))
        value *= s.value;
      else break;
      next = k + 1;
    }
    return scale > 1 ? this.andFraction({ value, next }, scale) : { value, next };
  }

  /** `$375-million`: a scale word hyphenated to the digits; the index of the scale token, else undefined. */
  private gluedScale(i: number): number | undefined {
    const t = this.toks[i];
    const dash = this.toks[i + 1];
    const s = this.toks[i + 2];
    if (t === undefined || dash?.cls !== 'dash' || s?.cls !== 'scale') return undefined;
    return dash.start === t.end && s.start === dash.end ? i + 2 : undefined;
  }

  /** `3 million and a half` = 3.5 million: a fraction after a scale is a fraction of that scale. */
  private andFraction(n: Parsed, scale: number): Parsed {
    const and = this.follow(n.next - 1, false);
    if (and === undefined || this.cls(and) !== 'and') return n;
    const k = this.follow(and, false);
    const f = k === undefined ? undefined : this.fraction(k);
    if (f === undefined || f.value >= 1) return n;
    return { value: n.value + f.value * scale, next: f.next };
  }

  /** `half a million`, `a quarter million`, `two thirds of a million`, `five and a half million`. */
  private scaled(n: Parsed): Parsed {
    let k = this.follow(n.next - 1, false);
    if (k !== undefined && this.cls(k) === 'of') k = this.follow(k, false);
    if (k !== undefined && this.cls(k) === 'a') k = this.follow(k, false);
    const s = k === undefined ? undefined : this.toks[k];
    if (k === undefined || s?.cls !== 'scale' || s.plural) return n;
    return { value: n.value * s.value, next: k + 1 };
  }

  private spacedScaleOk(s: Token): boolean {
    if (s.word.length > 1) return s.word !== 'mm' && s.word !== 'mil';
    const raw = this.copy.slice(s.start, s.end);
    return raw === 'k' || raw === raw.toUpperCase();
  }

  private words(i: number): Parsed | undefined {
    const t = this.tok(i);
    if (t.cls === 'half') {
      // `half a dozen`
      const a = this.follow(i, false);
      const d = a === undefined ? undefined : this.follow(a, false);
      if (a !== undefined && d !== undefined && this.cls(a) === 'a' && this.cls(d) === 'dozen')
        return { value: 6, next: d + 1 };
      const half = this.scaled({ value: 0.5, next: i + 1 });
      if (half.next > i + 1) return half;
      return this.lenient && !t.plural ? half : undefined;
    }
    if (t.cls === 'quarter' && !t.plural) {
      const quarter = this.scaled({ value: 0.25, next: i + 1 });
      if (quarter.next > i + 1) return quarter;
    }
    const frac = this.fraction(i);
    if (frac !== undefined) return frac.value < 1 ? this.scaled(frac) : frac;
    const n = this.integer(i);
    if (n === undefined) return undefined;
    if (n.closingScale > 1) return this.andFraction(n, n.closingScale);
    // `one and a half`, `twenty and three fifths`, `one hundred and three quarters`.
    const and = this.follow(n.next - 1, false);
    if (and !== undefined && this.cls(and) === 'and') {
      const k = this.follow(and, false);
      const f = k === undefined ? undefined : this.fraction(k);
      if (f !== undefined && f.value < 1) {
        const mixed = { value: n.value + f.value, next: f.next };
        // `five and a half million`: the scale applies to the whole mixed number.
        return n.classes.includes('scale') ? mixed : this.scaled(mixed);
      }
    }
    return n;
  }
}

/**
 * Every number in `text`, in text order, with offsets into `text`. Digits glued to a unit (`180ml`, `4th`)
 * are not numbers. Never throws.
 */
export function extractNumbers(text: string, options: NumberOptions = {}): NumberSpan[] {
  return numbersInCopy(matchingCopy(text), options.lenient === true);
}

/** {@link extractNumbers} on a text already turned into its matching copy. */
export function numbersInCopy(copy: string, lenient: boolean): NumberSpan[] {
  const toks = tokenize(copy, lenient);
  const parser = new Parser(copy, toks, lenient);
  const out: NumberSpan[] = [];
  let i = 0;
  while (i < toks.length) {
    const n = parser.number(i);
    const first = toks[i];
    const last = n === undefined ? undefined : toks[n.next - 1];
    if (n === undefined || first === undefined || last === undefined || !Number.isFinite(n.value)) {
      i++;
      continue;
    }
    // 16.4 × 1e6 is 16399999.999999998 in binary; 15 significant digits is what was written.
    out.push({
      start: first.start,
      end: last.end,
      value: Number(n.value.toPrecision(15)),
      words: first.cls !== 'num' && toks[i + 1]?.cls !== 'num',
    });
    i = n.next;
  }
  return out;
}
