/**
 * Parses many files in one process: one ParsedSheet JSON per input in an output folder. A file that fails
 * is reported by name and the batch goes on; the caller decides the exit code from the failures.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InvalidSourceError, isAppError } from '../../shared/errors';
import { type ContentType, type ParsedSheet, parseSheet } from '../../shared/index';
import { figureLimitError } from '../../shared/pipeline/figure-limit';

export const TYPES_BY_EXTENSION: Readonly<Record<string, ContentType>> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};

/** One input that could not be read or parsed, with the message an editor can act on. */
export interface BatchFailure {
  file: string;
  message: string;
}

export interface BatchResult {
  parsed: number;
  failures: BatchFailure[];
}

export interface BatchOptions {
  outDir: string;
  /** Forces one content type for every file; otherwise the extension decides, then detection. */
  type?: ContentType;
  /** Called after each file with the count done so far, and the failure's message when it failed. */
  onProgress?: (done: number, total: number, file: string, failure?: string) => void;
}

/** "sources/mali.txt" → "mali" when the stem is already a valid sheet id; else the parser picks one. */
export function idFromFileName(file: string): string | undefined {
  const stem = basename(file, extname(file));
  return /^[a-z0-9-]{1,64}$/.test(stem) ? stem : undefined;
}

/**
 * parseSheet with the figure cap ingest enforces: a sheet over it throws the `too-many-figures` error an
 * upload of it would get, so both parse commands report it like any other refused input.
 */
export function parseAsIngestWould(
  bytes: Uint8Array,
  options: { id?: string; contentType?: ContentType },
): ParsedSheet {
  const sheet = parseSheet(bytes, options);
  const tooMany = figureLimitError(sheet.figures.length);
  if (tooMany) {
    throw new InvalidSourceError(tooMany.reason, `${tooMany.message} (an upload of it would be rejected)`);
  }
  return sheet;
}

/** Expands folders (their .txt/.text/.html/.htm files, sorted, not recursive) and keeps files as given. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(input)).filter((n) => TYPES_BY_EXTENSION[extname(n).toLowerCase()]);
      for (const name of names.sort()) files.push(join(input, name));
    } else {
      files.push(input);
    }
  }
  return files;
}

/** Parses `files` one after another into `outDir/<stem>.json`; never throws for a bad input file. */
export async function parseBatch(files: readonly string[], options: BatchOptions): Promise<BatchResult> {
  await mkdir(options.outDir, { recursive: true });
  const failures: BatchFailure[] = [];
  let parsed = 0;
  const stems = new Set<string>();
  for (const [index, file] of files.entries()) {
    const stem = basename(file, extname(file));
    // Two inputs with one name would overwrite each other's JSON: the second is refused, by name.
    const message = stems.has(stem)
      ? `another input is also named ${stem}; its output ${stem}.json would be overwritten`
      : await parseOne(file, options);
    stems.add(stem);
    if (message === null) parsed++;
    else failures.push({ file, message });
    options.onProgress?.(index + 1, files.length, file, message ?? undefined);
  }
  return { parsed, failures };
}

async function parseOne(file: string, options: BatchOptions): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `cannot read: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`;
  }
  try {
    const type = options.type ?? TYPES_BY_EXTENSION[extname(file).toLowerCase()];
    const sheet = parseAsIngestWould(bytes, { id: idFromFileName(file), contentType: type });
    const stem = basename(file, extname(file));
    await writeFile(join(options.outDir, `${stem}.json`), `${JSON.stringify(sheet, null, 2)}\n`);
    return null;
  } catch (err) {
    if (isAppError(err)) return err.message;
    return `unexpected parser failure: ${err instanceof Error ? err.message : String(err)}`;
  }
}
