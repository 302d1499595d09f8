/** `revisions ID` (history, newest first) and `revision ID N` (one revision; --json: the whole sheet). */
import { positiveIntFlag, requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable } from '../format';

interface RevisionHeader {
  revision: number;
  reason: string;
  createdAt: string;
  parserVersion: string;
  sourceHash: string;
  counts: { sections: number; figures: number };
  title: string | null;
  diff: { figures: { added: unknown[]; removed: unknown[]; changed: unknown[] } } | null;
}

const path = (id: string) => `/sheets/${encodeURIComponent(id)}`;

const changes = (h: RevisionHeader) =>
  h.diff
    ? `+${h.diff.figures.added.length} -${h.diff.figures.removed.length} ~${h.diff.figures.changed.length}`
    : '-';

function headerTable(rows: RevisionHeader[]): string {
  return formatTable(rows, [
    { header: 'REV', value: (h) => h.revision, right: true },
    { header: 'REASON', value: (h) => h.reason },
    { header: 'CREATED', value: (h) => h.createdAt },
    { header: 'SECTIONS', value: (h) => h.counts.sections, right: true },
    { header: 'FIGURES', value: (h) => h.counts.figures, right: true },
    { header: 'FIGURE CHANGES', value: changes },
    { header: 'PARSER', value: (h) => h.parserVersion },
    { header: 'SOURCE', value: (h) => h.sourceHash.slice(0, 12) },
  ]);
}

export async function revisionsCommand(ctx: CommandContext): Promise<number> {
  const [id] = requirePositionals(ctx.positionals, ['ID'], 'factsheet revisions ID');
  const headers = await ctx.api.all<RevisionHeader>(`${path(id!)}/revisions`);
  ctx.io.stdout.write(ctx.flags.json ? formatJson(headers) : headerTable(headers));
  return 0;
}

export async function revisionCommand(ctx: CommandContext): Promise<number> {
  const [id, n] = requirePositionals(ctx.positionals, ['ID', 'N'], 'factsheet revision ID N');
  const revision = positiveIntFlag(n, 'N (revision)')!;
  const stored = await ctx.api.get<{ header: RevisionHeader; sheet: { text: string } }>(
    `${path(id!)}/revisions/${revision}`,
  );
  ctx.io.stdout.write(ctx.flags.json ? formatJson(stored) : headerTable([stored.header]));
  return 0;
}
