/** Half-open character ranges `[start, end)` and the few operations the extractor needs on them. */

export interface Span {
  start: number;
  end: number;
}

/** True when `[start, end)` overlaps any span of `sorted` (ascending by start, non-overlapping). */
export function overlapsAny(sorted: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  // Binary search for the first span ending after `start`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid];
    if (s !== undefined && s.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = sorted[lo];
  return s !== undefined && s.start < end;
}

/** Every match of a global regex as spans. */
export function matchSpans(pattern: RegExp, copy: string): Span[] {
  const out: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(copy); m !== null; m = pattern.exec(copy)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Sorts spans by start and merges overlapping ones. */
export function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
