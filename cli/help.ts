/** Per-command help: usage and every option, printed by `factsheet COMMAND --help`. */

const COMMON = [
  '--api URL      API base URL (default http://127.0.0.1:3000, or FACTSHEET_API; must start with http://)',
  '--json         machine-readable output',
  '-h, --help     this help',
];
const TOKEN = '--token T      write token (or FACTSHEET_TOKEN)';

interface CommandHelp {
  usage: string;
  summary: string;
  options: string[];
}

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  parse: {
    usage: 'factsheet parse FILE [--type T] [--id ID] | parse DIR|FILE... --out DIR',
    summary:
      'parse locally (no API needed): one file prints its ParsedSheet JSON; with --out, many files in one process, one JSON each',
    options: [
      '--type T      text/plain or text/html (default: from the extension)',
      '--id ID       sheet id (default: from the file name; one file only)',
      '--out DIR     write DIR/NAME.json per input, a progress line on stderr, failures listed by file',
    ],
  },
  upload: {
    usage: 'factsheet upload FILE|DIR [--id ID] [--wait]',
    summary:
      'PUT /sheets/{id}/source for a file, or every .txt/.html file of a folder (others are listed as skipped)',
    options: [
      '--id ID       sheet id for a single file (default: from the file name)',
      '--wait        follow each upload until ingest decides: published, unchanged, superseded or rejected;',
      '              exit code 0 only when every file was published or unchanged',
      TOKEN,
    ],
  },
  preview: {
    usage: 'factsheet preview ID FILE [--json]',
    summary:
      'what uploading FILE would publish, without publishing: title, counts and the figures that would change ' +
      'old → new; a file ingest would reject prints `rejected: REASON — message` (exit code 1)',
    options: [TOKEN],
  },
  uploads: {
    usage: 'factsheet uploads ID',
    summary: 'recent uploads of a sheet and what became of them',
    options: [],
  },
  'upload-status': {
    usage: 'factsheet upload-status ID UPLOAD_ID',
    summary: 'one upload (UPLOAD_ID: the sha256 of its bytes, as upload prints it)',
    options: [],
  },
  list: { usage: 'factsheet list', summary: 'sheets', options: [] },
  get: {
    usage: 'factsheet get ID [--section SECTION]',
    summary: 'one sheet and its sections (or one section with its blocks)',
    options: ['--section S   one section by id, with its paragraphs and lists'],
  },
  sections: { usage: 'factsheet sections ID', summary: 'sections of the latest revision', options: [] },
  figures: {
    usage:
      'factsheet figures ID [--kind K] [--section S] | figures --all-sheets [--kind K] [--fiscal-year Y] [--country C] [--sheet ID]...',
    summary: 'figures of a sheet’s latest revision, or (--all-sheets, same as query) of every sheet’s',
    options: [
      '--kind K        money, percent, count, date or duration',
      '--section S     only figures of that section (one sheet)',
      '--all-sheets    query every sheet (GET /figures), as `query` does',
      '--fiscal-year Y only figures whose fiscal period covers Y (with --all-sheets)',
      '--country C     only sheets of country C, any case, a leading "the" ignored (with --all-sheets)',
      '--sheet ID      only these sheets; repeatable (with --all-sheets)',
      '--csv           the API’s CSV export (RFC 4180) instead of a table',
      '--ndjson        the API’s NDJSON export instead of a table',
      '--all           follow every page (progress on stderr); else one page of 100',
    ],
  },
  query: {
    usage: 'factsheet query [--kind K] [--fiscal-year Y] [--country C] [--sheet ID]...',
    summary: 'figures of every sheet’s latest revision (GET /figures)',
    options: [
      '--kind K        money, percent, count, date or duration',
      '--fiscal-year Y only figures whose fiscal period covers Y',
      '--country C     only sheets of country C, any case, a leading "the" ignored',
      '--sheet ID      only these sheets; repeatable',
      '--csv           the API’s CSV export (RFC 4180) instead of a table',
      '--ndjson        the API’s NDJSON export instead of a table',
      '--all           follow every page (progress on stderr); else one page of 100',
    ],
  },
  figure: {
    usage: 'factsheet figure ID KEY',
    summary: 'one figure of the latest revision, by its stable key',
    options: [],
  },
  history: {
    usage: 'factsheet history ID KEY',
    summary: 'one figure through every revision: value, period, text and how it changed',
    options: [],
  },
  revisions: { usage: 'factsheet revisions ID', summary: 'revision history, newest first', options: [] },
  revision: {
    usage: 'factsheet revision ID N',
    summary: 'one revision: its header, and with --json its whole parsed sheet',
    options: [],
  },
  diff: {
    usage: 'factsheet diff ID [--from N --to M]',
    summary: 'figures and sections added, removed, changed (default: the latest two revisions)',
    options: ['--from N      older revision', '--to M        newer revision'],
  },
  reprocess: {
    usage: 'factsheet reprocess ID | --all',
    summary: 're-parse with the current parser',
    options: ['--all         every sheet (with a progress bar)', TOKEN],
  },
  sources: {
    usage: 'factsheet sources add ID URL | list | get ID | refresh [ID] | enable ID | disable ID | remove ID',
    summary: 'the source URLs the schedule refreshes',
    options: [TOKEN],
  },
  subscriptions: {
    usage:
      'factsheet subscriptions add ID URL [--events a,b] [--sheets x,y] | list | get ID | remove ID | test ID | deliveries ID',
    summary: 'webhook subscriptions (Standard Webhooks); add prints the signing secret once',
    options: [
      '--events a,b  event types: sheet.revision.published, sheet.upload.rejected, source.refresh.failed',
      '--sheets x,y  only events of these sheets (default: every sheet)',
      TOKEN,
    ],
  },
  listen: {
    usage: 'factsheet listen [--port N] [--secret whsec_…]',
    summary: 'a local webhook receiver on 127.0.0.1: verifies each signature and prints the event',
    options: [
      '--port N      port to listen on (default 8787; 0: any free port, printed)',
      '--secret S    the subscription’s signing secret (or FACTSHEET_WEBHOOK_SECRET)',
    ],
  },
  health: { usage: 'factsheet health', summary: 'API liveness and store reachability', options: [] },
  token: {
    usage: 'factsheet token create [--label L]',
    summary: 'a new write token, hash written straight to TABLE_NAME (AWS deploys)',
    options: ['--label L     a label stored with the hash'],
  },
};

/** The help text of one command, or undefined for an unknown one. */
export function commandHelp(command: string): string | undefined {
  const help = COMMAND_HELP[command];
  if (!help) return undefined;
  const options = [...help.options, ...(command === 'parse' || command === 'token' ? [] : COMMON)];
  return `${help.usage}\n\n  ${help.summary}\n\nOptions:\n${options.map((o) => `  ${o}`).join('\n')}\n`;
}

/** The general help: one line per command. */
export function generalHelp(): string {
  const lines = Object.values(COMMAND_HELP).map((h) => `  ${h.usage}`);
  return `factsheet — the fact-sheet pipeline's editor CLI

${lines.join('\n')}

Options: --api URL (default http://127.0.0.1:3000, or FACTSHEET_API), --token T (or FACTSHEET_TOKEN),
         --json (machine-readable output), -h/--help (after a command: that command's options)
`;
}
