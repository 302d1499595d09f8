/** Number ranges (`between 20 and 30`, `more than 40`, `1000-5000`) as intervals, for the conformance run. */

export interface RangeSpan {
  start: number;
  end: number;
  /** Interval notation as the peer suite writes it: `[20,30)`, `(40,)`, `(,100]`. */
  interval: string;
}

/** Placeholder until ranges are implemented: returns no ranges. */
export function extractNumberRanges(text: string): RangeSpan[] {
  void text;
  return [];
}
