/**
 * The CLI dispatcher: `runCli(argv, io)` → exit code. Every failure is one line on stderr and a non-zero
 * exit (2 for usage errors). cli/main.ts and bin/factsheet.mjs call it with the real process.
 */
import { parseCliArgs } from './args';
import { diffCommand } from './commands/diff';
import { figureCommand, figuresCommand, historyCommand, queryCommand } from './commands/figures';
import { revisionCommand, revisionsCommand } from './commands/history';
import { listenCommand } from './commands/listen';
import { previewCommand } from './commands/preview';
import { reprocessCommand } from './commands/reprocess';
import { getCommand, healthCommand, listCommand, sectionsCommand } from './commands/sheets';
import { sourcesCommand } from './commands/sources';
import { subscriptionsCommand } from './commands/subscriptions';
import { tokenCommand } from './commands/token';
import { uploadCommand } from './commands/upload';
import { uploadStatusCommand, uploadsCommand } from './commands/uploads';
import { type CommandContext, createContext } from './context';
import { commandHelp, generalHelp } from './help';
import { CliError, type CliIo } from './io';

export const USAGE = generalHelp();

type Command = (ctx: CommandContext) => Promise<number>;

const commands: Record<string, Command> = {
  upload: uploadCommand,
  preview: previewCommand,
  list: listCommand,
  get: getCommand,
  sections: sectionsCommand,
  figures: figuresCommand,
  query: queryCommand,
  figure: figureCommand,
  history: historyCommand,
  revisions: revisionsCommand,
  revision: revisionCommand,
  uploads: uploadsCommand,
  'upload-status': uploadStatusCommand,
  health: healthCommand,
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
      const topic = command === 'help' ? positionals[0] : command;
      io.stdout.write((topic && commandHelp(topic)) || USAGE);
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
