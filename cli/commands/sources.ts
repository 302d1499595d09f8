/** `sources add ID URL | list | get ID | refresh [ID] | enable ID | disable ID | remove ID`: the URLs refresh checks. */
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable, progressBar } from '../format';
import { CliError } from '../io';

interface SourceView {
  id: string;
  url: string;
  enabled?: boolean;
  lastStatus?: string;
  lastCheckedAt?: string;
  lastError?: string;
}

const USAGE =
  'factsheet sources add ID URL | list | get ID | refresh [ID] | enable ID | disable ID | remove ID';
const path = (id: string) => `/sources/${encodeURIComponent(id)}`;

function table(ctx: CommandContext, rows: SourceView[], single: boolean): void {
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson(single ? rows[0] : rows)
      : formatTable(rows, [
          { header: 'ID', value: (s) => s.id },
          { header: 'ENABLED', value: (s) => (s.enabled === false ? 'no' : 'yes') },
          { header: 'STATUS', value: (s) => s.lastStatus },
          { header: 'CHECKED', value: (s) => s.lastCheckedAt },
          { header: 'URL', value: (s) => s.url },
          { header: 'ERROR', value: (s) => s.lastError },
        ]),
  );
}

export async function sourcesCommand(ctx: CommandContext): Promise<number> {
  const [action, ...rest] = ctx.positionals;
  switch (action) {
    case 'add': {
      const [id, url] = requirePositionals(rest, ['ID', 'URL'], 'factsheet sources add ID URL');
      const body = JSON.stringify({ url });
      table(ctx, [await ctx.api.put<SourceView>(path(id!), body, 'application/json')], true);
      return 0;
    }
    case 'enable':
    case 'disable': {
      // The registration route takes the whole record; keep the URL, flip only `enabled`.
      const [id] = requirePositionals(rest, ['ID'], `factsheet sources ${action} ID`);
      const current = await ctx.api.get<SourceView>(path(id!));
      const body = JSON.stringify({ url: current.url, enabled: action === 'enable' });
      table(ctx, [await ctx.api.put<SourceView>(path(id!), body, 'application/json')], true);
      return 0;
    }
    case 'get': {
      const [id] = requirePositionals(rest, ['ID'], 'factsheet sources get ID');
      table(ctx, [await ctx.api.get<SourceView>(path(id!))], true);
      return 0;
    }
    case 'remove': {
      const [id] = requirePositionals(rest, ['ID'], 'factsheet sources remove ID');
      await ctx.api.delete(path(id!));
      ctx.io.stdout.write(ctx.flags.json ? formatJson({ id, removed: true }) : `removed source ${id}\n`);
      return 0;
    }
    case 'list':
      requirePositionals(rest, [], 'factsheet sources list');
      table(ctx, await ctx.api.all<SourceView>('/sources'), false);
      return 0;
    case 'refresh': {
      if (rest.length > 1) throw new CliError(`usage: ${USAGE}`, 2);
      const ids =
        rest.length === 1 ? [rest[0]!] : (await ctx.api.all<SourceView>('/sources')).map((s) => s.id);
      const progress = rest.length === 0 ? progressBar(ctx.io.stderr, ids.length) : undefined;
      const results: SourceView[] = [];
      for (const [i, id] of ids.entries()) {
        results.push(await ctx.api.post<SourceView>(`${path(id)}/refresh`));
        progress?.(i + 1, id);
      }
      table(ctx, results, rest.length === 1);
      return results.some((r) => r.lastStatus === 'failed') ? 1 : 0;
    }
    default:
      throw new CliError(`usage: ${USAGE}`, 2);
  }
}
