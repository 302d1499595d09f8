/**
 * A small SVG chart (bars, or a line through the points) by x label, with the same numbers as a data
 * table: the SVG is one labelled image for assistive technology, the table is what they read.
 */
export interface ChartPoint {
  /** X label, e.g. `FY 2022` or `rev 3`. */
  label: string;
  value: number;
  /** How the value reads (default: the number as is). */
  display?: string;
  /** Extra column in the table (e.g. the sentence the figure came from). */
  note?: string;
}

export interface ChartProps {
  title: string;
  points: readonly ChartPoint[];
  kind?: 'bar' | 'line';
  /** Column heading of the values in the table. */
  valueLabel?: string;
  xLabel?: string;
  noteLabel?: string;
  idPrefix: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 40, left: 12 };

export function Chart({
  title,
  points,
  kind = 'bar',
  valueLabel = 'Value',
  xLabel = 'Label',
  noteLabel = 'Note',
  idPrefix,
}: ChartProps) {
  if (points.length === 0) return <p class="muted">Nothing to chart.</p>;
  const titleId = `${idPrefix}-title`;
  const max = Math.max(...points.map((p) => p.value), 0);
  const min = Math.min(...points.map((p) => p.value), 0);
  const span = max - min || 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / points.length;
  const y = (v: number) => PAD.top + plotH - ((v - min) / span) * plotH;
  const x = (i: number) => PAD.left + step * i + step / 2;
  const barW = Math.max(2, Math.min(48, step * 0.7));
  const shown = (p: ChartPoint) => p.display ?? String(p.value);
  const hasNotes = points.some((p) => p.note);
  const linePath = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const labelEvery = Math.ceil(points.length / 12);

  return (
    <figure class="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        class={`chart-svg chart-${kind}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <line class="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        {kind === 'line' ? <path class="chart-line" d={linePath} /> : null}
        {points.map((p, i) => (
          <g key={`${p.label}-${i}`}>
            {kind === 'bar' ? (
              <rect
                class="chart-bar"
                x={x(i) - barW / 2}
                width={barW}
                y={Math.min(y(p.value), y(0))}
                height={Math.max(1, Math.abs(y(0) - y(p.value)))}
              >
                <title>{`${p.label}: ${shown(p)}`}</title>
              </rect>
            ) : (
              <circle class="chart-dot" cx={x(i)} cy={y(p.value)} r={4}>
                <title>{`${p.label}: ${shown(p)}`}</title>
              </circle>
            )}
            {points.length <= 16 ? (
              <text class="chart-value" x={x(i)} y={Math.min(y(p.value), y(0)) - 4} text-anchor="middle">
                {shown(p)}
              </text>
            ) : null}
            {i % labelEvery === 0 ? (
              <text class="chart-label" x={x(i)} y={HEIGHT - PAD.bottom + 16} text-anchor="middle">
                {p.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <details class="chart-table">
        <summary>Data table</summary>
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col">{valueLabel}</th>
              {hasNotes ? <th scope="col">{noteLabel}</th> : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.label}-${i}`}>
                <th scope="row">{p.label}</th>
                <td class="num">{shown(p)}</td>
                {hasNotes ? <td>{p.note ?? ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
