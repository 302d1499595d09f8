/** `upload FILE|DIR [--id ID] [--wait]`: PUT each document to /sheets/{id}/source (content type by extension). */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { contentTypeForPath } from '../../shared/content-type';
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable, progressBar } from '../format';
import { CliError } from '../io';

const USAGE = 'factsheet upload FILE|DIR [--id ID] [--wait]';

export interface UploadResult {
  file: string;
  id: string;
  key?: string;
  status: 'accepted' | 'published' | 'rejected' | 'failed';
  revision?: number;
  error?: string;
}

interface SheetState {
  latestRevision: number;
  sourceHash: string;
  lastError?: { at: string; message: string };
}

/** Sheet ids follow file names: `Mali Relations.txt` → `mali-relations`. */
export function sheetIdForFile(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function filesOf(target: string): Promise<{ files: string[]; isDir: boolean }> {
  const info = await stat(target).catch(() => {
    throw new CliError(`${target}: no such file or folder`);
  });
  if (!info.isDirectory()) return { files: [target], isDir: false };
  const names = (await readdir(target)).filter((n) => contentTypeForPath(n) !== null).sort();
  if (names.length === 0) throw new CliError(`${target} holds no .txt or .html files`);
  return { files: names.map((n) => join(target, n)), isDir: true };
}

/** Polls the sheet until it published these bytes or recorded a rejection after the upload. */
async function waitForIngest(
  ctx: CommandContext,
  id: string,
  hash: string,
  since: number,
): Promise<UploadResult['status'] | SheetState> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const sheet = await ctx.api.get<SheetState>(`/sheets/${encodeURIComponent(id)}`).catch(() => null);
    if (sheet?.sourceHash === hash) return sheet;
    if (sheet?.lastError && Date.parse(sheet.lastError.at) >= since) return 'rejected';
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new CliError(`${id}: not published after 60 s (is ingest running?)`);
}

async function uploadOne(ctx: CommandContext, file: string, id: string): Promise<UploadResult> {
  const contentType = contentTypeForPath(file);
  if (!contentType) throw new CliError(`${file}: unsupported file type (use .txt or .html)`);
  const bytes = await readFile(file);
  const since = Date.now() - 1000;
  const accepted = await ctx.api.put<{ key: string }>(
    `/sheets/${encodeURIComponent(id)}/source`,
    bytes,
    `${contentType}; charset=utf-8`,
  );
  const result: UploadResult = { file, id, key: accepted?.key, status: 'accepted' };
  if (!ctx.flags.wait) return result;
  const outcome = await waitForIngest(ctx, id, createHash('sha256').update(bytes).digest('hex'), since);
  if (outcome === 'rejected') return { ...result, status: 'rejected' };
  return { ...result, status: 'published', revision: (outcome as SheetState).latestRevision };
}

export async function uploadCommand(ctx: CommandContext): Promise<number> {
  const [target] = requirePositionals(ctx.positionals, ['FILE|DIR'], USAGE);
  const { files, isDir } = await filesOf(target!);
  if (isDir && ctx.flags.id) throw new CliError('--id applies to a single file, not a folder', 2);
  const results: UploadResult[] = [];
  const progress = isDir ? progressBar(ctx.io.stderr, files.length) : undefined;
  for (const [i, file] of files.entries()) {
    const id = (!isDir && ctx.flags.id) || sheetIdForFile(file);
    try {
      results.push(await uploadOne(ctx, file, id));
    } catch (err) {
      if (!isDir) throw err;
      results.push({ file, id, status: 'failed', error: (err as Error).message });
    }
    progress?.(i + 1, basename(file));
  }
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson(isDir ? results : results[0])
      : formatTable(results, [
          { header: 'ID', value: (r) => r.id },
          { header: 'STATUS', value: (r) => r.status },
          { header: 'REV', value: (r) => r.revision, right: true },
          { header: 'FILE', value: (r) => r.file },
          { header: 'ERROR', value: (r) => r.error },
        ]),
  );
  for (const failed of results.filter((r) => r.status === 'failed'))
    ctx.io.stderr.write(`error: ${failed.error}\n`);
  return results.some((r) => r.status === 'failed' || r.status === 'rejected') ? 1 : 0;
}
