/** An API over in-memory stores, plus a request helper that validates every body against the document. */
import { createApi } from '../../shared/api/app';
import type { ApiRequest, ApiResponse } from '../../shared/api/http';
import { InMemoryBlobStore } from './fakes/memory-blobs';
import { InMemorySheetRepository } from './fakes/memory-sheets';
import { InMemoryUploadRepository } from './fakes/memory-uploads';
import { responseChecker } from './openapi-support';

export interface CallOptions {
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

export function inMemoryApi(overrides: { readMaxAgeSeconds?: number; maxSourceBytes?: number } = {}) {
  const sheets = new InMemorySheetRepository();
  const blobs = new InMemoryBlobStore();
  const uploads = new InMemoryUploadRepository();
  const api = createApi({
    sheets,
    blobs,
    uploads,
    readMaxAgeSeconds: overrides.readMaxAgeSeconds ?? 5,
    maxSourceBytes: overrides.maxSourceBytes ?? 2 * 1024 * 1024,
    reprocess: async () => ({ status: 'unchanged', revision: 1 }),
  });
  let check: ReturnType<typeof responseChecker> | undefined;

  async function call(
    method: string,
    target: string,
    options: CallOptions = {},
  ): Promise<ApiResponse & { json: unknown }> {
    const url = new URL(target, 'http://x');
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = [...(query[k] ?? []), v];
    const request: ApiRequest = {
      method,
      path: url.pathname,
      headers: Object.fromEntries(
        Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      query,
      body: typeof options.body === 'string' ? new TextEncoder().encode(options.body) : options.body,
    };
    const response = await api(request);
    const contentType = response.headers['Content-Type'] ?? '';
    const json =
      contentType.includes('json') && typeof response.body === 'string'
        ? JSON.parse(response.body)
        : undefined;
    return { ...response, json };
  }

  /** Validates a response body against the document's schema for that route and status. */
  async function conforms(resource: string, method: string, response: ApiResponse & { json: unknown }) {
    if (!check) {
      const doc = await call('GET', '/openapi.json');
      check = responseChecker(doc.json);
    }
    return check(
      resource,
      method,
      response.statusCode,
      response.headers['Content-Type'] ?? '',
      response.json,
    );
  }

  return { api, sheets, blobs, uploads, call, conforms };
}
