/**
 * Ranges of money, percent, counts and ages: `$10-15 million`, `between 20 and 25 percent`, `1-3 million
 * casualties`, `aged 15-17`. Both ends become figures of the range's kind and unit, and the low end takes the
 * scale word written once after the high end.
 */
import type { NumberSpan } from './numbers';
import type { RawFigure } from './raw-figure';

const DASH_OR_TO = /^\s?-\s?$|^\s+(?:to|through)\s+$/;
const AND = /^\s+and\s+$/;
const BETWEEN_BEFORE = /\bbetween\s+(?:[$€£¥]|[A-Z]{2,4}\s?)?$/i;
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
const SCALE_AT_END = /(thousand|million|billion|trillion)$/i;
const RANGE_KINDS = new Set(['money', 'percent', 'count', 'duration']);

function scaleOf(copy: string, n: NumberSpan): number {
  const m = SCALE_AT_END.exec(copy.slice(n.start, n.end));
  return m?.[1] === undefined ? 1 : (SCALES[m[1].toLowerCase()] ?? 1);
}

/**
 * The two ends of a range written as `a` then `b`, when one or both are figures already (`fa`, `fb`);
 * undefined when the two numbers are no range.
 */
export function rangeEnds(
  copy: string,
  a: NumberSpan,
  fa: RawFigure | undefined,
  b: NumberSpan,
  fb: RawFigure | undefined,
): [RawFigure, RawFigure] | undefined {
  const model = fb ?? fa;
  if (model === undefined || !RANGE_KINDS.has(model.kind)) return undefined;
  if (fa !== undefined && fb !== undefined && (fa.kind !== fb.kind || fa.unit !== fb.unit)) return undefined;
  // The low end must end where the connector starts: `$10-15 million` ends `$10`, not `$10 million`.
  const lowEnd = fa?.end ?? a.end;
  if (lowEnd !== a.end) return undefined;
  const gap = copy.slice(a.end, b.start);
  const between =
    AND.test(gap) &&
    BETWEEN_BEFORE.test(copy.slice(Math.max(0, (fa?.start ?? a.start) - 12), fa?.start ?? a.start));
  if (!DASH_OR_TO.test(gap) && !between) return undefined;
  const scale = scaleOf(copy, a) === 1 && model.kind !== 'duration' ? scaleOf(copy, b) : 1;
  const low = a.value * scale;
  if (!(low < b.value) || !Number.isFinite(low)) return undefined;
  const first: RawFigure = {
    ...model,
    value: low,
    start: fa?.start ?? a.start,
    end: a.end,
  };
  const second: RawFigure = fb ?? { ...model, value: b.value, start: b.start, end: b.end };
  return [first, second];
}
