/**
 * A block of sheet text with its figures highlighted by kind. Each figure is a link (to its history, when
 * `href` gives one) and so focusable; hovering or focusing it shows a tooltip with value, unit, qualifier
 * and period, tied to it with aria-describedby so screen readers announce the same.
 */
import type { ComponentChildren } from 'preact';
import { formatNumber, formatPeriod } from '../format';
import type { Figure, FigureKind } from '../types';

export interface FigureTextProps {
  text: string;
  /**
   * Where `text` starts in the sheet's normalized text: figures are placed by their offsets. Without it
   * (or when an offset does not match the text), each figure is found by its text, in order.
   */
  offset?: number;
  figures: readonly Figure[];
  /** Kinds to highlight (default: all); other figures read as plain text. */
  kinds?: ReadonlySet<FigureKind>;
  /** Makes tooltip ids unique on the page. */
  idPrefix: string;
  href?: (figure: Figure) => string | undefined;
}

export const KIND_LABELS: Record<FigureKind, string> = {
  money: 'Money',
  percent: 'Percent',
  count: 'Count',
  date: 'Date',
  duration: 'Duration',
};

interface Placed {
  figure: Figure;
  start: number;
  end: number;
}

/** Figures inside `text`, ordered and non-overlapping, at positions relative to `text`. */
export function placeFigures(text: string, figures: readonly Figure[], offset?: number): Placed[] {
  const ordered = [...figures].sort((a, b) => a.start - b.start);
  const placed: Placed[] = [];
  let cursor = 0;
  for (const figure of ordered) {
    let start = -1;
    if (offset !== undefined) {
      const relative = figure.start - offset;
      if (relative < 0 || figure.end - offset > text.length) continue;
      if (text.slice(relative, relative + figure.text.length) === figure.text) start = relative;
    }
    if (start < cursor) start = figure.text ? text.indexOf(figure.text, cursor) : -1;
    if (start < 0) continue;
    placed.push({ figure, start, end: start + figure.text.length });
    cursor = start + figure.text.length;
  }
  return placed;
}

export function FigureTip({ figure, id }: { figure: Figure; id: string }) {
  const value = typeof figure.value === 'number' ? formatNumber(figure.value) : figure.value;
  const rows: [string, string | undefined][] = [
    ['Value', figure.to ? `${value} to ${figure.to}` : value],
    ['Unit', figure.unit],
    ['Qualifier', figure.qualifier],
    ['Period', formatPeriod(figure.period) ?? (figure.fiscal ? 'fiscal year' : undefined)],
  ];
  return (
    <span role="tooltip" id={id} class="fig-tip">
      <span class="fig-tip-kind">{KIND_LABELS[figure.kind]}</span>
      {rows.map(([label, text]) => (
        <span class="fig-tip-row" key={label}>
          <span class="fig-tip-label">{label}:</span> {text ?? '—'}
        </span>
      ))}
    </span>
  );
}

function figureElement(figure: Figure, text: string, tipId: string, target: string | undefined) {
  const className = `fig fig-${figure.kind}`;
  if (target) {
    return (
      <a class={className} href={target} aria-describedby={tipId} data-figure={figure.key}>
        {text}
      </a>
    );
  }
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focus is how keyboard users reach the tooltip.
    <mark class={className} tabIndex={0} aria-describedby={tipId} data-figure={figure.key}>
      {text}
    </mark>
  );
}

export function FigureText({ text, offset, figures, kinds, idPrefix, href }: FigureTextProps) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const { figure, start, end } of placeFigures(text, figures, offset)) {
    if (kinds && !kinds.has(figure.kind)) continue;
    if (start > at) parts.push(text.slice(at, start));
    const tipId = `${idPrefix}-${figure.id}`;
    parts.push(
      <span class="fig-wrap" key={figure.id}>
        {figureElement(figure, text.slice(start, end), tipId, href?.(figure))}
        <FigureTip figure={figure} id={tipId} />
      </span>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
