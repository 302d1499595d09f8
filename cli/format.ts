/** Output for people (aligned tables, a progress bar) and for scripts (`--json`). */
import type { Writable } from './io';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** Right-align (numbers). */
  right?: boolean;
  /** Never shortened (messages a reader needs whole); other cells stop at 60 characters. */
  full?: boolean;
}

/** An aligned plain-text table; `(none)` for no rows. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (rows.length === 0) return '(none)\n';
  const cells = rows.map((row) => columns.map((c) => clean(c.value(row), c.full)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(columns.map((c) => c.header)), ...cells.map(line)].join('\n')}\n`;
}

function clean(value: string | number | null | undefined, full = false): string {
  if (value === null || value === undefined) return '-';
  const text = String(value).replace(/\s+/g, ' ');
  return !full && text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A one-line `[####----] 3/8 label` bar on stderr; redrawn in place on a terminal, one line per step otherwise. */
export function progressBar(
  stream: Writable,
  total: number,
  width = 24,
): (done: number, label: string) => void {
  return (done, label) => {
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`;
    if (stream.isTTY) stream.write(`\r\x1b[K${bar}${done === total ? '\n' : ''}`);
    else stream.write(`${bar}\n`);
  };
}
