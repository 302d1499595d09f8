/**
 * `factsheet parse FILE [--id ID] [--type T]`: parses a local file and prints the ParsedSheet JSON on
 * stdout. `factsheet parse DIR|FILE... --out DIR [--type T]`: parses many files in this one process, one
 * JSON per file in the output folder, with a progress line on stderr; a file that fails is reported by
 * name and the batch goes on. Exit 2 for usage, 1 when any file failed, 0 otherwise.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_FIGURES_PER_SHEET } from '../../shared/config';
import { isAppError } from '../../shared/errors';
import type { ContentType } from '../../shared/index';
import {
  expandInputs,
  idFromFileName,
  parseAsIngestWould,
  parseBatch,
  TYPES_BY_EXTENSION,
} from './parse-batch';

/** Anything with `write(string)`: a Node stream or the CLI's captured io. */
interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

const USAGE =
  'usage: factsheet parse FILE [--id ID] [--type text/plain|text/html] | parse DIR|FILE... --out DIR';
const HELP = `${USAGE}

  parse FILE                  print the file's ParsedSheet JSON on stdout
  parse DIR|FILE... --out DIR parse many files in one process: DIR/<name>.json per input
                              (a folder's .txt, .text, .html and .htm files), progress on stderr;
                              a failure is reported by file and the batch goes on (exit 1 if any failed)
  --id ID                     the sheet id (one FILE only; default: the file name when it is a valid id)
  --type text/plain|text/html the content type for every input (default: by extension, else detected)
  -h, --help                  this help

A sheet of more than ${MAX_FIGURES_PER_SHEET.toLocaleString('en-US')} figures fails as it would on upload (too-many-figures).
`;
const CONTENT_TYPES = new Set<string>(['text/plain', 'text/html']);

/** Runs the command; resolves to the process exit code (never rejects). */
export async function parseCommand(args: string[], io: { stdout: Out; stderr: Out }): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return code;
  };
  let values: { id?: string; type?: string; out?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        id: { type: 'string' },
        type: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)} (${USAGE})`, 2);
  }
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (values.type !== undefined && !CONTENT_TYPES.has(values.type)) {
    return fail(`--type must be text/plain or text/html, not "${values.type}" (${USAGE})`, 2);
  }
  const type = values.type as ContentType | undefined;
  if (values.out !== undefined) {
    if (positionals.length === 0) return fail(`expected at least one DIR or FILE (${USAGE})`, 2);
    if (values.id !== undefined)
      return fail(`--id names one sheet; it cannot be used with --out (${USAGE})`, 2);
    return batch(positionals, values.out, type, io);
  }
  if (positionals.length !== 1) {
    return fail(`expected one FILE, or --out DIR to parse several (${USAGE})`, 2);
  }
  return single(positionals[0]!, values.id, type, io, fail);
}

async function single(
  file: string,
  idOption: string | undefined,
  typeOption: ContentType | undefined,
  io: { stdout: Out },
  fail: (message: string, code: number) => number,
): Promise<number> {
  const id = idOption ?? idFromFileName(file);
  const type = typeOption ?? TYPES_BY_EXTENSION[extname(file).toLowerCase()];
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return fail(`${file} is a folder: add --out DIR to parse every file in it`, 2);
    return fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`, 1);
  }
  try {
    const sheet = parseAsIngestWould(bytes, { id, contentType: type });
    io.stdout.write(`${JSON.stringify(sheet, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (isAppError(err)) return fail(`${file}: ${err.message}`, 1);
    return fail(`${file}: unexpected parser failure: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
}

async function batch(
  inputs: string[],
  outDir: string,
  type: ContentType | undefined,
  io: { stdout: Out; stderr: Out },
): Promise<number> {
  const files = await expandInputs(inputs);
  if (files.length === 0) {
    io.stderr.write(`error: no .txt, .text, .html or .htm files in ${inputs.join(', ')}\n`);
    return 1;
  }
  // On a terminal the progress line rewrites itself; in a log it is one line at the end.
  const live = io.stderr.isTTY === true;
  let failed = 0;
  const result = await parseBatch(files, {
    outDir,
    type,
    onProgress: (done, total, file, failure) => {
      if (failure !== undefined) {
        failed++;
        io.stderr.write(`${live ? '\r\x1b[K' : ''}error: ${file}: ${failure}\n`);
      }
      if (live) io.stderr.write(`\r\x1b[Kparsed ${done}/${total}${failed ? ` (${failed} failed)` : ''}`);
    },
  });
  const summary = `parsed ${result.parsed}/${files.length} files into ${outDir}${result.failures.length ? `; ${result.failures.length} failed` : ''}`;
  io.stderr.write(`${live ? '\r\x1b[K' : ''}${summary}\n`);
  return result.failures.length > 0 ? 1 : 0;
}
