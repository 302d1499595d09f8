/** Read commands over sheets: `list`, `get ID [--section S]`, `sections ID`, `health` (figures: figures.ts). */
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
  const [id] = requirePositionals(ctx.positionals, ['ID'], 'factsheet get ID [--section S]');
  if (ctx.flags.section !== undefined) return getSection(ctx, id!, ctx.flags.section);
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
  ctx.io.stdout.write(sectionTable(sheet.sections));
  return 0;
}

interface SectionDetail {
  id: string;
  heading: string | null;
  blocks: ({ type: 'paragraph'; text: string } | { type: 'list'; items: { text: string }[] })[];
}

/** `get ID --section S`: one section with its blocks. */
async function getSection(ctx: CommandContext, id: string, sectionId: string): Promise<number> {
  const section = await ctx.api.get<SectionDetail>(`${path(id)}/sections/${encodeURIComponent(sectionId)}`);
  if (ctx.flags.json) {
    ctx.io.stdout.write(formatJson(section));
    return 0;
  }
  const lines = [`${section.heading ?? '(lead)'} [${section.id}]`, ''];
  for (const block of section.blocks) {
    if (block.type === 'paragraph') lines.push(block.text, '');
    else lines.push(...block.items.map((item) => `  • ${item.text}`), '');
  }
  ctx.io.stdout.write(`${lines.join('\n')}`);
  return 0;
}

export async function sectionsCommand(ctx: CommandContext): Promise<number> {
  const [id] = requirePositionals(ctx.positionals, ['ID'], 'factsheet sections ID');
  const result = await ctx.api.get<{ items: SheetDetail['sections'] }>(`${path(id!)}/sections`);
  ctx.io.stdout.write(ctx.flags.json ? formatJson(result.items) : sectionTable(result.items));
  return 0;
}

function sectionTable(sections: SheetDetail['sections']): string {
  return formatTable(sections, [
    { header: 'SECTION', value: (s) => s.id },
    { header: 'BLOCKS', value: (s) => s.blockCount, right: true },
    { header: 'FIGURES', value: (s) => s.figureCount, right: true },
    { header: 'HEADING', value: (s) => s.heading ?? '(lead)' },
  ]);
}

export async function healthCommand(ctx: CommandContext): Promise<number> {
  requirePositionals(ctx.positionals, [], 'factsheet health');
  const health = await ctx.api.get<{ status: string; store: string; time: string }>('/health');
  ctx.io.stdout.write(
    ctx.flags.json ? formatJson(health) : `${health.status} (store ${health.store}) at ${health.time}\n`,
  );
  return health.status === 'ok' ? 0 : 1;
}
