/** Read commands over sheets: `list`, `get ID` (figure commands: figures.ts). */
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable } from '../format';

interface SheetSummary {
  id: string;
  latestRevision: number;
  title: string | null;
  country: string | null;
  publishedOn: string | null;
  counts: { sections: number; figures: number };
  updatedAt: string;
  parserVersion: string;
  sourceHash: string;
  lastError?: { at: string; reason: string; message: string };
}

interface SheetDetail extends SheetSummary {
  sections: { id: string; heading: string | null; blockCount: number; figureCount: number }[];
}

const path = (id: string) => `/sheets/${encodeURIComponent(id)}`;

export async function listCommand(ctx: CommandContext): Promise<number> {
  requirePositionals(ctx.positionals, [], 'factsheet list');
  const sheets = await ctx.api.all<SheetSummary>('/sheets');
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson(sheets)
      : formatTable(sheets, [
          { header: 'ID', value: (s) => s.id },
          { header: 'REV', value: (s) => s.latestRevision, right: true },
          { header: 'COUNTRY', value: (s) => s.country },
          { header: 'SECTIONS', value: (s) => s.counts.sections, right: true },
          { header: 'FIGURES', value: (s) => s.counts.figures, right: true },
          { header: 'UPDATED', value: (s) => s.updatedAt },
          { header: 'TITLE', value: (s) => s.title },
        ]),
  );
  return 0;
}

export async function getCommand(ctx: CommandContext): Promise<number> {
  const [id] = requirePositionals(ctx.positionals, ['ID'], 'factsheet get ID');
  const sheet = await ctx.api.get<SheetDetail>(path(id!));
  if (ctx.flags.json) {
    ctx.io.stdout.write(formatJson(sheet));
    return 0;
  }
  const lines = [
    `${sheet.id}: ${sheet.title ?? '(untitled)'}`,
    `  country ${sheet.country ?? '-'} · published ${sheet.publishedOn ?? '-'} · revision ${sheet.latestRevision} · parser ${sheet.parserVersion}`,
    `  ${sheet.counts.sections} sections, ${sheet.counts.figures} figures · updated ${sheet.updatedAt}`,
  ];
  if (sheet.lastError)
    lines.push(`  last error (${sheet.lastError.at}): ${sheet.lastError.reason}: ${sheet.lastError.message}`);
  ctx.io.stdout.write(`${lines.join('\n')}\n\n`);
  ctx.io.stdout.write(
    formatTable(sheet.sections, [
      { header: 'SECTION', value: (s) => s.id },
      { header: 'BLOCKS', value: (s) => s.blockCount, right: true },
      { header: 'FIGURES', value: (s) => s.figureCount, right: true },
      { header: 'HEADING', value: (s) => s.heading ?? '(lead)' },
    ]),
  );
  return 0;
}
