/**
 * `upload FILE|DIR [--id ID] [--wait]`: PUT each document to /sheets/{id}/source (content type by
 * extension). `--wait` follows the upload resource the 202 names until ingest decides.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { contentTypeForPath } from '../../shared/content-type';
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable, progressBar } from '../format';
import { CliError } from '../io';
import { describeUpload, type UploadView } from './uploads';

const USAGE = 'factsheet upload FILE|DIR [--id ID] [--wait]';
const WAIT_LIMIT_MS = 60_000;

export interface UploadResult {
  file: string;
  id: string;
  key?: string;
  uploadId?: string;
  status: 'accepted' | UploadView['status'] | 'failed' | 'skipped';
  revision?: number;
  reason?: string;
  error?: string;
}

/** Sheet ids follow file names: `Mali Relations.txt` → `mali-relations`. */
export function sheetIdForFile(file: string): string {
  return basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface Targets {
  files: string[];
  skipped: UploadResult[];
  isDir: boolean;
}

async function filesOf(target: string): Promise<Targets> {
  const info = await stat(target).catch(() => {
    throw new CliError(`${target}: no such file or folder`);
  });
  if (!info.isDirectory()) return { files: [target], skipped: [], isDir: false };
  const entries = (await readdir(target, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const files: string[] = [];
  const skipped: UploadResult[] = [];
  for (const entry of entries) {
    const file = join(target, entry.name);
    const why = entry.isDirectory()
      ? 'a folder (uploads do not recurse)'
      : contentTypeForPath(entry.name) === null
        ? `not .txt or .html (${extname(entry.name) || 'no extension'})`
        : undefined;
    if (why) skipped.push({ file, id: sheetIdForFile(entry.name), status: 'skipped', reason: why });
    else files.push(file);
  }
  if (files.length === 0) throw new CliError(`${target} holds no .txt or .html files`);
  return { files, skipped, isDir: true };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the upload resource (never cached, read consistently) until it is no longer pending. Quick polls
 * first (ingest usually decides within tens of ms), then slower ones.
 */
async function waitForOutcome(ctx: CommandContext, location: string, id: string): Promise<UploadView> {
  const started = Date.now();
  for (let attempt = 0; Date.now() - started < WAIT_LIMIT_MS; attempt++) {
    const upload = await ctx.api.get<UploadView>(location);
    if (upload.status !== 'pending') return upload;
    await sleep(Math.min(5 * 2 ** Math.floor(attempt / 10), 200));
  }
  throw new CliError(`${id}: still pending after ${WAIT_LIMIT_MS / 1000} s (is ingest running?)`);
}

async function uploadOne(ctx: CommandContext, file: string, id: string): Promise<UploadResult> {
  const contentType = contentTypeForPath(file);
  if (!contentType) throw new CliError(`${file}: unsupported file type (use .txt or .html)`);
  const bytes = await readFile(file);
  const accepted = await ctx.api.put<{ key: string; uploadId: string; location: string }>(
    `/sheets/${encodeURIComponent(id)}/source`,
    bytes,
    `${contentType}; charset=utf-8`,
  );
  const result: UploadResult = {
    file,
    id,
    key: accepted.key,
    uploadId: accepted.uploadId,
    status: 'accepted',
  };
  if (!ctx.flags.wait) return result;
  // The Location may carry a stage prefix (`/prod/…`) that the API base URL already holds.
  const location = `/sheets/${encodeURIComponent(id)}/uploads/${accepted.uploadId}`;
  const outcome = await waitForOutcome(ctx, location, id);
  return {
    ...result,
    status: outcome.status,
    ...(outcome.revision !== undefined && { revision: outcome.revision }),
    ...(outcome.status === 'rejected' && { reason: outcome.reason, error: describeUpload(outcome) }),
    ...(outcome.status === 'superseded' && { error: describeUpload(outcome) }),
  };
}

/** What to say beside a row that is not an error: why it was skipped, how to follow an accepted upload. */
function detail(r: UploadResult): string | undefined {
  if (r.status === 'skipped') return r.reason;
  if (r.status === 'accepted' && r.uploadId) return `follow: factsheet upload-status ${r.id} ${r.uploadId}`;
  return undefined;
}

/** Exit code 0 when every file was accepted (with --wait: published or unchanged). */
function succeeded(result: UploadResult, waited: boolean): boolean {
  if (result.status === 'skipped') return true;
  return waited
    ? result.status === 'published' || result.status === 'unchanged'
    : result.status === 'accepted';
}

export async function uploadCommand(ctx: CommandContext): Promise<number> {
  const [target] = requirePositionals(ctx.positionals, ['FILE|DIR'], USAGE);
  const { files, skipped, isDir } = await filesOf(target!);
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
  const all = [...results, ...skipped];
  ctx.io.stdout.write(
    ctx.flags.json
      ? formatJson(isDir ? all : all[0])
      : formatTable(all, [
          { header: 'ID', value: (r) => r.id },
          { header: 'STATUS', value: (r) => r.status },
          { header: 'REV', value: (r) => r.revision, right: true },
          { header: 'FILE', value: (r) => r.file },
          {
            header: 'DETAIL',
            value: (r) => r.error ?? detail(r),
            full: true,
          },
        ]),
  );
  for (const bad of results.filter((r) => !succeeded(r, ctx.flags.wait))) {
    ctx.io.stderr.write(`${bad.file}: ${bad.error ?? bad.status}\n`);
  }
  return results.every((r) => succeeded(r, ctx.flags.wait)) ? 0 : 1;
}
