/** Command-line parsing: one command word, its positionals, and the flags every command shares. */
import { parseArgs } from 'node:util';
import { CliError } from './io';

export interface Flags {
  api?: string;
  token?: string;
  json: boolean;
  help: boolean;
  id?: string;
  kind?: string;
  from?: string;
  to?: string;
  all: boolean;
  wait: boolean;
  label?: string;
  csv: boolean;
  ndjson: boolean;
  country?: string;
  fiscalYear?: string;
  sheet: string[];
  section?: string;
  allSheets: boolean;
  events?: string;
  sheets?: string;
  port?: string;
  secret?: string;
}

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Flags;
}

const options = {
  api: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  id: { type: 'string' },
  kind: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  all: { type: 'boolean' },
  wait: { type: 'boolean' },
  label: { type: 'string' },
  csv: { type: 'boolean' },
  ndjson: { type: 'boolean' },
  country: { type: 'string' },
  'fiscal-year': { type: 'string' },
  sheet: { type: 'string', multiple: true },
  section: { type: 'string' },
  'all-sheets': { type: 'boolean' },
  events: { type: 'string' },
  sheets: { type: 'string' },
  port: { type: 'string' },
  secret: { type: 'string' },
} as const;

/** Parses argv (without node and script); an unknown flag or a flag missing its value is a CliError. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliError((err as Error).message.split(/\.\s|\n/)[0]!, 2);
  }
  const [command, ...positionals] = parsed.positionals;
  const v = parsed.values;
  return {
    command,
    positionals,
    flags: {
      api: v.api,
      token: v.token,
      json: v.json ?? false,
      help: v.help ?? false,
      id: v.id,
      kind: v.kind,
      from: v.from,
      to: v.to,
      all: v.all ?? false,
      wait: v.wait ?? false,
      label: v.label,
      csv: v.csv ?? false,
      ndjson: v.ndjson ?? false,
      country: v.country,
      fiscalYear: v['fiscal-year'],
      sheet: v.sheet ?? [],
      section: v.section,
      allSheets: v['all-sheets'] ?? false,
      events: v.events,
      sheets: v.sheets,
      port: v.port,
      secret: v.secret,
    },
  };
}

/** A positive integer flag, or undefined when absent. */
export function positiveIntFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--${name} must be a positive integer, got "${value}"`, 2);
  return n;
}

/** Exactly `count` positionals, named in the usage message when they are missing. */
export function requirePositionals(
  positionals: readonly string[],
  names: readonly string[],
  usage: string,
): string[] {
  if (positionals.length < names.length) {
    throw new CliError(`missing ${names.slice(positionals.length).join(' ')}: usage: ${usage}`, 2);
  }
  if (positionals.length > names.length) {
    throw new CliError(`unexpected argument "${positionals[names.length]}": usage: ${usage}`, 2);
  }
  return [...positionals];
}
