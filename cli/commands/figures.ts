/**
 * Figure commands: `figures ID` (one sheet), `query` (across sheets), `figure ID KEY` and `history ID KEY`.
 * Lists print a table, or with `--csv` / `--ndjson` the API's own export; `--all` follows every page
 * (progress on stderr), else one page is printed and the next cursor named on stderr.
 */
import { FIGURE_KINDS, type Figure } from '../../shared/model';
import type { FigureHistoryEntry } from '../../shared/pipeline/figure-history';
import { positiveIntFlag, requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable } from '../format';
import type { Query } from '../http';
import { CliError } from '../io';

const sheetPath = (id: string) => `/sheets/${encodeURIComponent(id)}`;
const PAGE = 100;

function kindFlag(ctx: CommandContext): string | undefined {
  const kind = ctx.flags.kind;
  if (kind !== undefined && !(FIGURE_KINDS as readonly string[]).includes(kind)) {
    throw new CliError(`--kind must be one of ${FIGURE_KINDS.join(', ')}, got "${kind}"`, 2);
  }
  return kind;
}

type Row = Figure & { sheetId?: string; country?: string | null };

const columns = (across: boolean) => [
  ...(across ? [{ header: 'SHEET', value: (f: Row) => f.sheetId }] : []),
  { header: 'KEY', value: (f: Row) => f.key },
  { header: 'KIND', value: (f: Row) => f.kind },
  { header: 'VALUE', value: (f: Row) => f.value, right: true },
  { header: 'UNIT', value: (f: Row) => f.unit },
  { header: 'QUALIFIER', value: (f: Row) => f.qualifier },
  { header: 'PERIOD', value: (f: Row) => formatPeriod(f.period) },
  { header: 'SECTION', value: (f: Row) => f.sectionId },
  { header: 'TEXT', value: (f: Row) => f.text },
];

/** CSV and NDJSON pages, written as they arrive; the CSV header once. */
async function exportPages(ctx: CommandContext, path: string, query: Query): Promise<void> {
  const csv = ctx.flags.csv;
  const accept = csv ? 'text/csv' : 'application/x-ndjson';
  let cursor: string | undefined;
  let page = 0;
  let records = 0;
  do {
    const res = await ctx.api.text(path, { ...query, limit: PAGE, cursor }, accept);
    page++;
    // The header row holds only column names (no quoted line breaks): it ends at the first CRLF.
    const body = csv && page > 1 ? res.body.slice(res.body.indexOf('\r\n') + 2) : res.body;
    ctx.io.stdout.write(body);
    records += csv ? csvRecords(body) - (page === 1 ? 1 : 0) : body.split('\n').filter(Boolean).length;
    cursor = res.nextCursor;
    if (ctx.flags.all) ctx.io.stderr.write(`page ${page}: ${records} figures${cursor ? '' : ', done'}\n`);
  } while (ctx.flags.all && cursor);
  if (cursor) ctx.io.stderr.write(`more: pass --all, or ask the API with cursor=${cursor}\n`);
}

async function listFigures(
  ctx: CommandContext,
  path: string,
  query: Query,
  across: boolean,
): Promise<number> {
  if (ctx.flags.csv && ctx.flags.ndjson) throw new CliError('pass --csv or --ndjson, not both', 2);
  if (ctx.flags.csv || ctx.flags.ndjson) {
    await exportPages(ctx, path, query);
    return 0;
  }
  const items: Row[] = [];
  let cursor: string | undefined;
  let page = 0;
  do {
    const res = await ctx.api.get<{ items: Row[]; nextCursor?: string }>(path, {
      ...query,
      limit: PAGE,
      cursor,
    });
    items.push(...res.items);
    cursor = res.nextCursor;
    page++;
    if (ctx.flags.all)
      ctx.io.stderr.write(`page ${page}: ${items.length} figures${cursor ? '' : ', done'}\n`);
  } while (ctx.flags.all && cursor);
  if (cursor) ctx.io.stderr.write('more figures: pass --all to read every page\n');
  ctx.io.stdout.write(ctx.flags.json ? formatJson(items) : formatTable(items, columns(across)));
  return 0;
}

/** `figures ID` for one sheet; `figures --all-sheets` is `query` under the name editors look for. */
export async function figuresCommand(ctx: CommandContext): Promise<number> {
  if (ctx.flags.allSheets) {
    if (ctx.flags.section !== undefined)
      throw new CliError('--section applies to one sheet, not --all-sheets', 2);
    return queryCommand(ctx);
  }
  const usage = 'factsheet figures ID [--kind KIND] [--section S] [--csv|--ndjson] [--all]';
  const [id] = requirePositionals(ctx.positionals, ['ID'], usage);
  if (ctx.flags.fiscalYear !== undefined || ctx.flags.country !== undefined || ctx.flags.sheet.length > 0) {
    throw new CliError('--fiscal-year, --country and --sheet filter queries across sheets (--all-sheets)', 2);
  }
  const query = { kind: kindFlag(ctx), sectionId: ctx.flags.section };
  return listFigures(ctx, `${sheetPath(id!)}/figures`, query, false);
}

export async function queryCommand(ctx: CommandContext): Promise<number> {
  const usage =
    'factsheet query [--kind KIND] [--fiscal-year Y] [--country C] [--sheet ID]... [--csv|--ndjson] [--all]';
  requirePositionals(ctx.positionals, [], usage);
  const query: Query = {
    kind: kindFlag(ctx),
    fiscalYear: positiveIntFlag(ctx.flags.fiscalYear, 'fiscal-year'),
    country: ctx.flags.country,
    ...(ctx.flags.sheet.length > 0 && { sheet: ctx.flags.sheet }),
  };
  return listFigures(ctx, '/figures', query, true);
}

export async function figureCommand(ctx: CommandContext): Promise<number> {
  const [id, key] = requirePositionals(ctx.positionals, ['ID', 'KEY'], 'factsheet figure ID KEY');
  const figure = await ctx.api.get<Row & { revision: number }>(
    `${sheetPath(id!)}/figures/${encodeURIComponent(key!)}`,
  );
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson(figure)
      : `${figure.key} (revision ${figure.revision}, ${figure.sectionId}): ${figure.kind} ${figure.value}${
          figure.unit ? ` ${figure.unit}` : ''
        } "${figure.text}"\n    ${figure.sentence}\n`,
  );
  return 0;
}

export async function historyCommand(ctx: CommandContext): Promise<number> {
  const [id, key] = requirePositionals(ctx.positionals, ['ID', 'KEY'], 'factsheet history ID KEY');
  const history = await ctx.api.get<{ items: FigureHistoryEntry[] }>(
    `${sheetPath(id!)}/figures/${encodeURIComponent(key!)}/history`,
  );
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson(history.items)
      : formatTable(history.items, [
          { header: 'REV', value: (e) => e.revision, right: true },
          { header: 'PUBLISHED', value: (e) => e.publishedAt },
          { header: 'CHANGE', value: (e) => e.change },
          { header: 'VALUE', value: (e) => e.value, right: true },
          { header: 'UNIT', value: (e) => e.unit },
          { header: 'QUALIFIER', value: (e) => e.qualifier },
          { header: 'PERIOD', value: (e) => formatPeriod(e.period) },
          { header: 'TEXT', value: (e) => e.text },
        ]),
  );
  return 0;
}

/** `FY 2021`, `FY 2011–2020`, `2018–2021`; nothing when the figure is not tied to a period. */
export function formatPeriod(period: Figure['period']): string | undefined {
  if (!period) return undefined;
  if ('fiscalYear' in period) return `FY ${period.fiscalYear}`;
  if ('fiscalYearFrom' in period) return `FY ${period.fiscalYearFrom}–${period.fiscalYearTo}`;
  return `${period.from}–${period.to}`;
}

/** Records in RFC 4180 text: line breaks outside quotes (a doubled quote toggles twice, so it is neutral). */
function csvRecords(body: string): number {
  let quoted = false;
  let records = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) records++;
  }
  return records;
}
