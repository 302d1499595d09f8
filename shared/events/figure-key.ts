/**
 * The one place that names a figure in events: its stable `key` when the figure carries one (figures gain
 * a key that survives revisions), else its per-revision `id`. Switching the rule is a change here only.
 */
import type { FigureRef } from '../store/ports';

export function figureKeyOf(figure: FigureRef): string {
  const key = (figure as FigureRef & { key?: unknown }).key;
  return typeof key === 'string' && key !== '' ? key : figure.id;
}
