/** What every command receives: its arguments, the shared flags, where to write, and the API client. */
import type { Flags } from './args';
import { ApiClient, DEFAULT_API } from './http';
import type { CliIo } from './io';

export interface CommandContext {
  positionals: string[];
  flags: Flags;
  io: CliIo;
  api: ApiClient;
}

export function createContext(
  positionals: string[],
  flags: Flags,
  io: CliIo,
  fetchImpl?: typeof fetch,
): CommandContext {
  const api = new ApiClient({
    baseUrl: flags.api ?? io.env.FACTSHEET_API ?? DEFAULT_API,
    token: flags.token ?? io.env.FACTSHEET_TOKEN,
    fetch: fetchImpl,
  });
  return { positionals, flags, io, api };
}
