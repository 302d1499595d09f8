/**
 * A list of amounts shares its scale: in "• $41.2 million for reform; • $109.7 for distribution" the second
 * item lost its `million` (dollars are not written with one decimal), so it takes its sibling's scale.
 */
import type { RawFigure } from './raw-figure';

const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const SCALED = /(thousand|million|billion)$/i;
const ONE_DECIMAL = /^[^\d]*\d+\.\d$/;

function startsListItem(copy: string, pos: number): boolean {
  const line = copy.lastIndexOf('\n', pos - 1) + 1;
  return pos - line <= 8 && /^[\s•*·-]*$/.test(copy.slice(line, pos));
}

/** `figures` (in text order) with unscaled one-decimal list amounts scaled like the item before them. */
export function withListScale(copy: string, figures: RawFigure[]): RawFigure[] {
  let sibling: { scale: number; line: number } | undefined;
  const out: RawFigure[] = [];
  for (const f of figures) {
    if (f.kind !== 'money' || !startsListItem(copy, f.start)) {
      out.push(f);
      continue;
    }
    const text = copy.slice(f.start, f.end);
    const scale = SCALES[SCALED.exec(text)?.[1]?.toLowerCase() ?? ''];
    const line = copy.lastIndexOf('\n', f.start - 1);
    const adjacent = sibling !== undefined && copy.lastIndexOf('\n', line - 1) <= sibling.line;
    if (scale === undefined && ONE_DECIMAL.test(text) && adjacent && sibling !== undefined)
      out.push({ ...f, value: Math.round(Number(f.value) * sibling.scale) });
    else out.push(f);
    sibling = scale === undefined ? undefined : { scale, line };
  }
  return out;
}
