/** Walks the number tokens of a matching copy: adjacency, classes and dash connectors. */
import type { Token, TokenClass } from './number-tokens';

/** A parsed number: its value and the index of the first token after it. */
export interface Parsed {
  value: number;
  next: number;
}

/** Base of the number parsers: token access and adjacency over the copy. */
export class TokenCursor {
  constructor(
    protected readonly copy: string,
    protected readonly toks: readonly Token[],
    protected readonly lenient: boolean,
  ) {}

  protected adjacent(a: number, b: number): boolean {
    const ta = this.toks[a];
    const tb = this.toks[b];
    if (ta === undefined || tb === undefined) return false;
    for (let i = ta.end; i < tb.start; i++) {
      const c = this.copy.charCodeAt(i);
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  protected cls(i: number): TokenClass | undefined {
    return this.toks[i]?.cls;
  }

  /** Index of the token after `i` when adjacent (a dash between words is a connector too). */
  protected follow(i: number, allowDash: boolean): number | undefined {
    if (!this.adjacent(i, i + 1)) return undefined;
    if (allowDash && this.cls(i + 1) === 'dash' && this.adjacent(i + 1, i + 2)) return i + 2;
    return i + 1;
  }

  protected tok(i: number): Token {
    const t = this.toks[i];
    if (t === undefined) throw new RangeError(`token ${i}`);
    return t;
  }
}
