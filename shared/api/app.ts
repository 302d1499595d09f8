/**
 * `createApi(deps)`: the whole HTTP API as one function from ApiRequest to ApiResponse, built from the
 * topology routes. Adapters (functions/api.ts for API Gateway, the local HTTP adapter) only convert events.
 */
import type { BlobStore } from '../blobs/ports';
import type { SheetRepository } from '../store/ports';
import { type RouteSpec, routes as topologyRoutes } from '../topology';
import type { RouteDeps } from './definition';
import type { ApiRequest } from './http';
import { buildOpenApiDocument } from './openapi';
import { type ApiHandler, createRouter } from './router';
import { routeDefinitions } from './routes';
import { SheetReader } from './sheet-reader';

export interface ApiDeps extends Omit<RouteDeps, 'reader' | 'openApi'> {
  sheets: SheetRepository;
  blobs: BlobStore;
  /** Cache-Control max-age of latest-pointer reads, and how long this process reuses META. */
  readMaxAgeSeconds: number;
  /** Immutable revisions kept in memory, at most (default: bounded by bytes only, see SheetReader). */
  revisionCacheSize?: number;
  onServerError?: (err: unknown, request: ApiRequest) => void;
  routes?: readonly RouteSpec[];
}

/**
 * Finished responses kept, at most; their estimated bytes (64 MiB) are the real bound. A `/sheets/{id}`
 * answer is a few KB, so thousands of sheets' answers fit: a count of a few hundred would turn random reads
 * over a few thousand sheets into misses while most of the budget sat unused.
 */
const RESPONSE_CACHE_ENTRIES = 20_000;

/** Builds the API once per process (warm Lambda: caches live as long as the instance). */
export function createApi(deps: ApiDeps): ApiHandler {
  const routes = deps.routes ?? topologyRoutes;
  const documents = new Map<string, unknown>();
  // A reused response expires when the oldest META or figure page it was built from reaches max-age, so
  // together a client never sees data older than the max-age Cache-Control promises.
  const reader = new SheetReader(deps.sheets, {
    maxAgeSeconds: deps.readMaxAgeSeconds,
    revisionCacheSize: deps.revisionCacheSize,
  });
  return createRouter({
    routes,
    definitions: routeDefinitions,
    readMaxAgeSeconds: deps.readMaxAgeSeconds,
    latestMaxAgeMs: deps.readMaxAgeSeconds * 1000,
    responseCacheSize: RESPONSE_CACHE_ENTRIES,
    onServerError: deps.onServerError,
    deps: {
      ...deps,
      reader,
      openApi: (basePath) => {
        if (!documents.has(basePath)) {
          documents.set(basePath, buildOpenApiDocument(routes, routeDefinitions, basePath));
        }
        return documents.get(basePath);
      },
    },
  });
}
