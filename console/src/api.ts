/**
 * The console's only way to the API: same origin, URLs relative to the page (`…/console` → `…/sheets`),
 * so it also works under an API Gateway stage prefix. Every error answer becomes an ApiProblem built from
 * its problem+json body; a 401 or 403 also tells the shell to ask for the write token.
 */
import { getToken } from './token';

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  /** Every other member of the problem document (`code`, `reason`, `parameter`, `lastError`, …). */
  readonly members: Readonly<Record<string, unknown>>;

  constructor(status: number, body: Record<string, unknown>) {
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    const detail = typeof body.detail === 'string' ? body.detail : '';
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = typeof body.type === 'string' ? body.type : 'about:blank';
    const { title: _t, detail: _d, type: _y, status: _s, ...members } = body;
    this.members = members;
  }

  /** A member by name (e.g. `reason` of a 422), or undefined. */
  member<T = unknown>(name: string): T | undefined {
    return this.members[name] as T | undefined;
  }
}

type AuthListener = (problem: ApiProblem) => void;
const authListeners = new Set<AuthListener>();

/** The shell listens here to ask for the token when the API refuses one (or its absence). */
export function onAuthRequired(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** The API base: the directory the console page is in. */
export function apiBase(): URL {
  return new URL('.', window.location.href);
}

/** `/sheets?limit=5` or `sheets?limit=5` → an absolute URL under the API base. */
export function apiUrl(path: string): string {
  return new URL(path.replace(/^\/+/, ''), apiBase()).href;
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    body = { title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 500) };
  }
  return new ApiProblem(response.status, body);
}

async function request(method: string, path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { ...init, method, headers, credentials: 'omit' });
  } catch (err) {
    throw new ApiProblem(0, {
      title: 'The API did not answer',
      detail: err instanceof Error ? err.message : String(err),
    });
  }
  if (!response.ok) {
    const problem = await problemFrom(response);
    if (response.status === 401 || response.status === 403) {
      for (const listener of authListeners) listener(problem);
    }
    throw problem;
  }
  return response;
}

async function jsonOf<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * GET a JSON resource; the token goes along when one is set (some reads, e.g. subscriptions, need it).
 * `fresh` revalidates instead of taking the browser's cached copy (latest reads carry a max-age): for
 * pages that must show the console's own writes at once.
 */
export async function apiGet<T>(
  path: string,
  options: { signal?: AbortSignal; fresh?: boolean } = {},
): Promise<T> {
  const cache: RequestCache = options.fresh ? 'no-cache' : 'default';
  return jsonOf<T>(await request('GET', path, { signal: options.signal, cache }));
}

/**
 * A write (or any other method). `body` is sent as is when it is a string, Blob or ArrayBuffer (with
 * `contentType`), else as JSON.
 */
export async function apiSend<T>(
  method: 'PUT' | 'POST' | 'DELETE' | 'PATCH',
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body === undefined) {
    payload = undefined;
  } else if (typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer) {
    payload = body;
    if (contentType) headers['Content-Type'] = contentType;
  } else {
    payload = JSON.stringify(body);
    headers['Content-Type'] = contentType ?? 'application/json';
  }
  return jsonOf<T>(await request(method, path, { body: payload, headers }));
}
