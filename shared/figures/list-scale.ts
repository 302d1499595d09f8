/**
 * A list of amounts shares its scale: in "• $41.2 million for reform; • $109.7 for distribution" the second
 * item lost its `million` (dollars are not written with one decimal), so it takes its sibling's scale.
 */
import type { RawFigure } from './raw-figure';

const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SCALED = /(thousand|million|billion)$/i;
const ONE_DECIMAL = /^[^\d]*\d+\.\d$/;

// A list item's amount sits within a few characters of its line start; nothing further back is read.
const ITEM_REACH = 8;

/** The start of the line when `pos` begins a list item (only bullets or spaces before it), else -1. */
function listItemLine(copy: string, pos: number): number {
  const from = Math.max(0, pos - ITEM_REACH - 1);
  const nl = copy.slice(from, pos).lastIndexOf('\n');
  if (nl < 0 && from > 0) return -1;
  const start = nl < 0 ? 0 : from + nl + 1;
  return /^[\s•*·-]*$/.test(copy.slice(start, pos)) ? start : -1;
}

/** `figures` (in text order) with unscaled one-decimal list amounts scaled like the item before them. */
export function withListScale(copy: string, figures: RawFigure[]): RawFigure[] {
  // The previous list item's scale and the start of its line.
  let sibling: { scale: number; line: number } | undefined;
  const out: RawFigure[] = [];
  for (const f of figures) {
    const line = f.kind === 'money' ? listItemLine(copy, f.start) : -1;
    if (line < 0) {
      out.push(f);
      continue;
    }
    const text = copy.slice(f.start, f.end);
    const scale = SCALES[SCALED.exec(text)?.[1]?.toLowerCase() ?? ''];
    // The sibling's line ends right before this one (one line break, maybe a blank line).
    const adjacent =
      sibling !== undefined && sibling.line < line && /^[^\n]*\n\s*$/.test(copy.slice(sibling.line, line));
    if (scale === undefined && ONE_DECIMAL.test(text) && adjacent && sibling !== undefined)
      out.push({ ...f, value: Math.round(Number(f.value) * sibling.scale) });
    else out.push(f);
    sibling = scale === undefined ? undefined : { scale, line };
  }
  return out;
}
