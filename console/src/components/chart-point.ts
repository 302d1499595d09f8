/** One point of a chart (components/chart.tsx), by x label. */
export interface ChartPoint {
  /** X label, e.g. `FY 2022` or `rev 3`. */
  label: string;
  value: number;
  /** How the value reads (default: the number as is). */
  display?: string;
  /** Extra column in the table (e.g. the sentence the figure came from). */
  note?: string;
}
