/** `reprocess ID | --all`: re-parse sheets with the current parser (a progress bar for --all). */
import type { CommandContext } from '../context';
import { formatJson, formatTable, progressBar } from '../format';
import { CliError } from '../io';

interface Outcome {
  id: string;
  status: string;
  revision?: number;
  error?: string;
}

export async function reprocessCommand(ctx: CommandContext): Promise<number> {
  const { positionals, flags } = ctx;
  if (flags.all === positionals.length > 0 || positionals.length > 1) {
    throw new CliError('usage: factsheet reprocess ID | --all', 2);
  }
  const ids = flags.all ? (await ctx.api.all<{ id: string }>('/sheets')).map((s) => s.id) : [positionals[0]!];
  const progress = flags.all ? progressBar(ctx.io.stderr, ids.length) : undefined;
  const outcomes: Outcome[] = [];
  for (const [i, id] of ids.entries()) {
    try {
      const result = await ctx.api.post<{ status: string; revision: number }>(
        `/sheets/${encodeURIComponent(id)}/reprocess`,
      );
      outcomes.push({ id, status: result.status, revision: result.revision });
    } catch (err) {
      if (!flags.all) throw err;
      outcomes.push({ id, status: 'failed', error: (err as Error).message });
    }
    progress?.(i + 1, id);
  }
  ctx.io.stdout.write(
    flags.json
      ? formatJson(flags.all ? outcomes : outcomes[0])
      : formatTable(outcomes, [
          { header: 'ID', value: (o) => o.id },
          { header: 'STATUS', value: (o) => o.status },
          { header: 'REV', value: (o) => o.revision, right: true },
          { header: 'ERROR', value: (o) => o.error },
        ]),
  );
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}
