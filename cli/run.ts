/**
 * The CLI dispatcher: `runCli(argv, io)` → exit code. Every failure is one line on stderr and a non-zero
 * exit (2 for usage errors). cli/main.ts and bin/factsheet.mjs call it with the real process.
 */
import { parseCliArgs } from './args';
import { diffCommand } from './commands/diff';
import { listenCommand } from './commands/listen';
import { reprocessCommand } from './commands/reprocess';
import { figuresCommand, getCommand, listCommand } from './commands/sheets';
import { sourcesCommand } from './commands/sources';
import { subscriptionsCommand } from './commands/subscriptions';
import { tokenCommand } from './commands/token';
import { uploadCommand } from './commands/upload';
import { type CommandContext, createContext } from './context';
import { CliError, type CliIo } from './io';

export const USAGE = `factsheet — the fact-sheet pipeline's editor CLI

  factsheet parse FILE                         parse locally, print the ParsedSheet JSON
  factsheet upload FILE|DIR [--id ID] [--wait] upload (a folder: every .txt/.html, with progress)
  factsheet list                               sheets
  factsheet get ID                             one sheet and its sections
  factsheet figures ID [--kind KIND]           figures of the latest revision
  factsheet diff ID [--from N --to M]          what changed between revisions
  factsheet reprocess ID | --all               re-parse with the current parser
  factsheet sources add ID URL | list | refresh [ID] | enable ID | disable ID
  factsheet token create [--label L]           new write token, hash stored in TABLE_NAME (AWS deploys)
  factsheet subscriptions add ID URL [--events a,b] [--sheets x,y] | list | get ID | remove ID | test ID | deliveries ID
  factsheet listen [--port N] [--secret S]     local webhook receiver: verifies signatures, prints events

Options: --api URL (default http://127.0.0.1:3000, or FACTSHEET_API), --token T (or FACTSHEET_TOKEN),
         --json (machine-readable output), -h/--help
`;

type Command = (ctx: CommandContext) => Promise<number>;

const commands: Record<string, Command> = {
  upload: uploadCommand,
  list: listCommand,
  get: getCommand,
  figures: figuresCommand,
  diff: diffCommand,
  reprocess: reprocessCommand,
  sources: sourcesCommand,
  token: tokenCommand,
  subscriptions: subscriptionsCommand,
  listen: (ctx) => listenCommand(ctx),
};

export async function runCli(argv: readonly string[], io: CliIo, fetchImpl?: typeof fetch): Promise<number> {
  try {
    // `parse` owns its arguments (cli/commands/parse.ts); loaded lazily so other commands skip the parser.
    if (argv[0] === 'parse') {
      const { parseCommand } = require('./commands/parse') as typeof import('./commands/parse');
      return await parseCommand(argv.slice(1), io);
    }
    const { command, positionals, flags } = parseCliArgs(argv);
    if (flags.help || command === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (!command) {
      io.stderr.write(USAGE);
      return 2;
    }
    const run = commands[command];
    if (!run) throw new CliError(`unknown command "${command}" (try --help)`, 2);
    return await run(createContext(positionals, flags, io, fetchImpl));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`error: ${message.split('\n')[0]}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
