/**
 * `preview ID FILE [--json]`: POST the file to /sheets/{id}/preview and show what an upload would publish
 * (title, counts, the figures that would change old → new) without publishing anything.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeForPath } from '../../shared/content-type';
import type { SheetPreview } from '../../shared/pipeline/preview';
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson } from '../format';
import { ApiProblemError, CliError } from '../io';
import { formatDiff } from './diff';

const USAGE = 'factsheet preview ID FILE [--json]';

/** The human rendering: what the sheet would be, then what would change. */
export function formatPreview(preview: SheetPreview): string {
  const { sheet } = preview;
  const lines = [
    `${preview.id}: ${sheet.title ?? '(no title)'}${sheet.country ? ` (${sheet.country})` : ''}`,
    `${sheet.sections.length} sections, ${sheet.figures.length} figures; upload ${preview.uploadId}`,
  ];
  if (preview.latestRevision === null) {
    lines.push('new sheet: an upload would publish revision 1');
    return `${lines.join('\n')}\n`;
  }
  // Same bytes can still parse differently under a newer parser, so the diff follows either way.
  if (preview.unchanged) lines.push(`unchanged: these are the bytes of revision ${preview.latestRevision}`);
  return `${lines.join('\n')}\n${preview.diff ? formatDiff(preview.id, preview.diff) : ''}`;
}

export async function previewCommand(ctx: CommandContext): Promise<number> {
  const [id, file] = requirePositionals(ctx.positionals, ['ID', 'FILE'], USAGE);
  const contentType = contentTypeForPath(file!);
  if (!contentType) throw new CliError(`${file}: unsupported file type (use .txt or .html)`);
  const bytes = await readFile(file!).catch(() => {
    throw new CliError(`${file}: no such file`);
  });
  let preview: SheetPreview;
  try {
    preview = await ctx.api.post<SheetPreview>(
      `/sheets/${encodeURIComponent(id!)}/preview`,
      bytes,
      `${contentType}; charset=utf-8`,
    );
  } catch (err) {
    if (!(err instanceof ApiProblemError) || err.status !== 422) throw err;
    const { reason = 'rejected', detail = err.message } = err.problem;
    ctx.io.stdout.write(
      ctx.flags.json
        ? formatJson({ id, status: 'rejected', reason, message: detail })
        : `rejected: ${reason} — ${detail}\n`,
    );
    return 1;
  }
  ctx.io.stdout.write(ctx.flags.json ? formatJson(preview) : formatPreview(preview));
  return 0;
}
