/**
 * The CLI's API client: `--api` (default the local runtime), bearer token from `--token` or
 * FACTSHEET_TOKEN, problem+json errors turned into one readable line.
 */
import { ApiProblemError, CliError } from './io';

export const DEFAULT_API = 'http://127.0.0.1:3000';

export interface ApiClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
}

/** Query parameters; a list repeats the parameter (`sheet=a&sheet=b`). */
export type Query = Record<string, string | number | readonly string[] | undefined>;

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  /** A GET the API must answer from a fresh read of the latest pointer (read-after-write). */
  getFresh<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query, fresh: true });
  }

  put<T>(path: string, body: Uint8Array | string, contentType: string): Promise<T> {
    return this.request<T>('PUT', path, { body, contentType, auth: true });
  }

  post<T>(path: string, body?: Uint8Array | string, contentType?: string): Promise<T> {
    return this.request<T>('POST', path, { body, contentType, auth: true });
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path, { auth: true });
  }

  /** A GET answered in another format (`accept`): the body as text and the next page's cursor, if any. */
  async text(path: string, query: Query, accept: string): Promise<{ body: string; nextCursor?: string }> {
    let next: string | undefined;
    const body = await this.request<string>('GET', path, {
      query,
      accept,
      raw: (response) => {
        next = response.headers.get('x-next-cursor') ?? undefined;
      },
    });
    return { body, ...(next !== undefined && { nextCursor: next }) };
  }

  /** Every item of a paginated list route (`items` + `nextCursor`). */
  async all<T>(path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.get<{ items: T[]; nextCursor?: string | null }>(path, {
        ...query,
        limit: 100,
        cursor,
      });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  private async request<T>(
    method: string,
    path: string,
    init: {
      query?: Query;
      body?: Uint8Array | string;
      contentType?: string;
      auth?: boolean;
      /** Ask for this type and return the body as text, after showing the response to `raw`. */
      accept?: string;
      raw?: (response: Response) => void;
      fresh?: boolean;
    },
  ): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(init.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, v);
      else url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
    if (init.contentType) headers['content-type'] = init.contentType;
    if (init.fresh) headers['cache-control'] = 'no-cache';
    if (init.auth) {
      if (!this.options.token) {
        throw new CliError(`${method} ${path} needs a write token: pass --token or set FACTSHEET_TOKEN`);
      }
      headers.authorization = `Bearer ${this.options.token}`;
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method, headers, body: init.body });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new CliError(`cannot reach the API at ${this.baseUrl} (${cause}): is \`npm start\` running?`);
    }
    const text = await response.text();
    if (!response.ok) {
      throw new ApiProblemError(
        problemLine(method, path, response.status, text),
        response.status,
        problemOf(text),
      );
    }
    if (init.raw) {
      init.raw(response);
      return text as T;
    }
    if (response.status === 204 || text === '') return undefined as T;
    return JSON.parse(text) as T;
  }
}

function problemOf(body: string): ApiProblemError['problem'] {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as ApiProblemError['problem']) : {};
  } catch {
    return {};
  }
}

/** `404 Not Found: Sheet "x" does not exist` from a problem+json body (or the raw status). */
export function problemLine(method: string, path: string, status: number, body: string): string {
  try {
    const problem = JSON.parse(body) as {
      title?: string;
      detail?: string;
      errors?: { parameter: string; message: string }[];
    };
    // The detail often already spells out the one parameter error: do not say it twice.
    const details = problem.errors
      ?.filter((e) => !problem.detail?.includes(e.message))
      .map((e) => `${e.parameter}: ${e.message}`)
      .join('; ');
    return `${method} ${path} failed: ${status} ${problem.title ?? ''}${problem.detail ? `: ${problem.detail}` : ''}${
      details ? ` (${details})` : ''
    }`;
  } catch {
    return `${method} ${path} failed: HTTP ${status}`;
  }
}
