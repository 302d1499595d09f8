/**
 * `factsheet parse FILE [--id ID] [--type text/plain|text/html]`: parses a local file and prints the
 * ParsedSheet JSON on stdout. Any failure is one line on stderr: exit 2 for usage, 1 for a bad file.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors';
import { type ContentType, parseSheet } from '../../shared/index';

/** Anything with `write(string)`: a Node stream or the CLI's captured io. */
interface Out {
  write(chunk: string): unknown;
}

const USAGE = 'usage: factsheet parse FILE [--id ID] [--type text/plain|text/html]';
const TYPES_BY_EXTENSION: Record<string, ContentType> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};

/** Runs the command; resolves to the process exit code (never rejects). */
export async function parseCommand(args: string[], io: { stdout: Out; stderr: Out }): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return code;
  };
  let file: string;
  let id: string | undefined;
  let type: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { id: { type: 'string' }, type: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) return fail(`expected one FILE (${USAGE})`, 2);
    file = positionals[0]!;
    id = values.id ?? idFromFileName(file);
    type = values.type ?? TYPES_BY_EXTENSION[extname(file).toLowerCase()];
  } catch (err) {
    return fail(`${err instanceof Error ? err.message : String(err)} (${USAGE})`, 2);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`, 1);
  }
  try {
    const sheet = parseSheet(bytes, { id, contentType: type as ContentType | undefined });
    io.stdout.write(`${JSON.stringify(sheet, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (isAppError(err)) return fail(`${file}: ${err.message}`, 1);
    return fail(`${file}: unexpected parser failure: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
}

/** "sources/mali.txt" → "mali" when the stem is already a valid sheet id; else the parser picks one. */
function idFromFileName(file: string): string | undefined {
  const stem = basename(file, extname(file));
  return /^[a-z0-9-]{1,64}$/.test(stem) ? stem : undefined;
}
