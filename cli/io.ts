/** Where a CLI command writes, and what it reads from its environment (injected so tests can capture it). */

export interface Writable {
  write(chunk: string): unknown;
  /** True on an interactive terminal: progress bars redraw in place. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** An error whose message is the whole story: printed as one line, exit code `exitCode`. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** An API error answer: its status and problem+json members, for commands that explain some of them. */
export class ApiProblemError extends CliError {
  override name = 'ApiProblemError';
  constructor(
    message: string,
    readonly status: number,
    readonly problem: { title?: string; detail?: string; reason?: string },
  ) {
    super(message);
  }
}
