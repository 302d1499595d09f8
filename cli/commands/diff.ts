/** `diff ID [--from N --to M]`: what changed between two revisions, figures first. */
import type { DiffSummary, FigureRef } from '../../shared/store/ports';
import { positiveIntFlag, requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson } from '../format';

const figure = (f: FigureRef) =>
  `${f.key ?? f.id} ${f.kind} ${f.value}${f.unit ? ` ${f.unit}` : ''} "${f.text}" (${f.sectionId})`;

/** The sentence with the figure marked `[…]` (a change as `[before → after]`); none for old summaries. */
export function markedSentence(f: FigureRef, before?: FigureRef): string | undefined {
  if (f.sentence === undefined) return undefined;
  const mark = before ? `[${before.text} → ${f.text}]` : `[${f.text}]`;
  const at = f.sentence.indexOf(f.text);
  const marked =
    at < 0 ? `${f.sentence} ${mark}` : f.sentence.slice(0, at) + mark + f.sentence.slice(at + f.text.length);
  return `    ${marked.replace(/\s+/g, ' ')}`;
}

/** The human rendering: `+` added, `-` removed, `~` changed, each figure followed by its marked sentence. */
export function formatDiff(id: string, diff: DiffSummary): string {
  const lines = [`${id}: revision ${diff.from} → ${diff.to}`];
  const { sections, figures } = diff;
  const push = (line: string, sentence: string | undefined) => {
    lines.push(line);
    if (sentence) lines.push(sentence);
  };
  for (const s of sections.added) lines.push(`+ section ${s}`);
  for (const s of sections.removed) lines.push(`- section ${s}`);
  for (const s of sections.changed) lines.push(`~ section ${s}`);
  for (const f of figures.added) push(`+ ${figure(f)}`, markedSentence(f));
  for (const f of figures.removed) push(`- ${figure(f)}`, markedSentence(f));
  for (const c of figures.changed)
    push(
      `~ ${figure(c.before)} → ${c.after.value}${c.after.unit ? ` ${c.after.unit}` : ''} "${c.after.text}"`,
      markedSentence(c.after, c.before),
    );
  if (diff.figuresOmitted)
    lines.push('(figure lists left out: too many changes to store; compare revisions)');
  if (lines.length === 1) lines.push('(no differences)');
  lines.push(
    `${figures.added.length} added, ${figures.removed.length} removed, ${figures.changed.length} changed figures; ` +
      `${sections.added.length + sections.removed.length + sections.changed.length} sections touched`,
  );
  return `${lines.join('\n')}\n`;
}

export async function diffCommand(ctx: CommandContext): Promise<number> {
  const [id] = requirePositionals(ctx.positionals, ['ID'], 'factsheet diff ID [--from N --to M]');
  const from = positiveIntFlag(ctx.flags.from, 'from');
  const to = positiveIntFlag(ctx.flags.to, 'to');
  const diff = await ctx.api.get<DiffSummary>(`/sheets/${encodeURIComponent(id!)}/diff`, { from, to });
  ctx.io.stdout.write(ctx.flags.json ? formatJson(diff) : formatDiff(id!, diff));
  return 0;
}
