/**
 * What a route is, beyond its topology entry: parameter/query schemas, documented responses, how its
 * result may be cached, and the function that produces it. The router and the OpenAPI generator both read
 * these definitions, so validation and documentation cannot drift apart.
 */
import type { z } from 'zod';
import type { BlobStore } from '../blobs/ports';
import type { SubscriptionsApi } from '../notify/subscriptions-api';
import type { PreviewRequest, SheetPreview } from '../pipeline/preview';
import type { DiffSummary, SheetRepository, StoredRevision } from '../store/ports';
import type { UploadRepository } from '../store/upload-ports';
import type { ApiRequest, ApiResponse } from './http';
import type { SheetReader } from './sheet-reader';
import type { SourcesApi } from './sources-api';

/**
 * `immutable`: revision-addressed, cache forever; `latest`: resolves the latest pointer, cache for
 * readMaxAgeSeconds; `static`: documentation assets; `revalidate`: kept by clients but checked (ETag) on
 * every use, the console page that names the current hashed assets; `no-store`: writes and health.
 */
export type CachePolicy = 'immutable' | 'latest' | 'static' | 'revalidate' | 'no-store';

/** Everything a route handler may use. */
export interface RouteDeps {
  sheets: SheetRepository;
  blobs: BlobStore;
  reader: SheetReader;
  /** Upload records (PUT writes pending, the upload routes read them). */
  uploads?: UploadRepository;
  maxSourceBytes: number;
  /** Re-parses a sheet's latest archived source with the current parser. */
  reprocess?: (id: string) => Promise<{ status: 'published' | 'unchanged'; revision: number }>;
  /** Parses and diffs a source as an upload would, publishing nothing (runs in the ingest function). */
  preview?: (request: PreviewRequest) => Promise<SheetPreview>;
  /** Diff between two arbitrary revisions (adjacent ones use the stored summary). */
  diff?: (from: StoredRevision, to: StoredRevision) => DiffSummary;
  sources?: SourcesApi;
  /** Webhook subscriptions (`/subscriptions`). */
  subscriptions?: SubscriptionsApi;
  /** Checks the store is reachable (GET /health). */
  ping?: () => Promise<void>;
  /** The OpenAPI document for a base path (the app generates it from the route table). */
  openApi?: (basePath: string) => unknown;
}

export interface RouteContext<P, Q> {
  params: P;
  query: Q;
  request: ApiRequest;
  deps: RouteDeps;
}

/** A JSON result; the router serializes it, adds ETag/Cache-Control/CORS. */
export interface JsonResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  cache: CachePolicy;
}

/** A non-JSON result (docs assets): written as is, still gets ETag and CORS. */
export interface RawResult {
  raw: ApiResponse;
  cache: CachePolicy;
}

export type RouteResult = JsonResult | RawResult;

export interface ResponseDoc {
  description: string;
  /** JSON schema of the body (a registered component), or a content type for non-JSON bodies. */
  schema?: z.ZodType;
  contentType?: string;
  /** Further content types the same response may come in (chosen by `Accept` or `format`), as text. */
  alternatives?: string[];
  headers?: Record<string, string>;
}

export interface RequestBodyDoc {
  description: string;
  contentTypes: string[];
  maxBytes?: number;
}

export interface RouteDefinition<P = unknown, Q = unknown> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** Query parameters the route declares; any other is a 400 naming it. */
  body?: RequestBodyDoc;
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext<P, Q>): Promise<RouteResult>;
}

/** Infers handler argument types from the schemas. */
export function defineRoute<
  PS extends z.ZodType = z.ZodType<unknown>,
  QS extends z.ZodType = z.ZodType<unknown>,
>(def: {
  params?: PS;
  query?: QS;
  body?: RequestBodyDoc;
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext<z.output<PS>, z.output<QS>>): Promise<RouteResult>;
}): RouteDefinition {
  return def as unknown as RouteDefinition;
}
