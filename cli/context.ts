/** What every command receives: its arguments, the shared flags, where to write, and the API client. */
import type { Flags } from './args';
import { ApiClient, DEFAULT_API } from './http';
import { CliError, type CliIo } from './io';

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
    baseUrl: checkApiUrl(flags.api, io.env.FACTSHEET_API),
    token: flags.token ?? io.env.FACTSHEET_TOKEN,
    fetch: fetchImpl,
  });
  return { positionals, flags, io, api };
}

/** The API base URL from `--api` or FACTSHEET_API, checked: a bare `host:port` gets a clear message. */
export function checkApiUrl(flag: string | undefined, env: string | undefined): string {
  const value = flag ?? env ?? DEFAULT_API;
  const origin = flag !== undefined ? '--api' : env !== undefined ? 'FACTSHEET_API' : 'the default API';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.host === '') {
    throw new CliError(
      `${origin} "${value}" is not an http(s) URL: it needs the scheme, e.g. http://${value.replace(/^[a-z]+:\/\//i, '')}`,
      2,
    );
  }
  return value;
}
