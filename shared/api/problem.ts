/**
 * The ONE mapping from the shared/errors.ts hierarchy to HTTP: RFC 9457 `application/problem+json`.
 * Anything that is not an AppError is a bug or an outage: it becomes a 500 whose body says nothing about
 * internals (the caller logs the real error with the request id).
 */
import {
  type AppError,
  ConflictError,
  FetchError,
  ForbiddenError,
  InvalidSourceError,
  isAppError,
  NotFoundError,
  PayloadTooLargeError,
  RevisionConflictError,
  TooManyRequestsError,
  TransientStoreError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import type { ApiResponse } from './http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code (`not-found`, `validation`, …). */
  code: string;
  /** The request path. */
  instance?: string;
  /** 400: the parameter (path, query, header or `body`) that failed validation. */
  parameter?: string;
  /** 400: one entry per failed check. */
  errors?: { parameter: string; message: string }[];
  /** 422: why a source document was refused. */
  reason?: string;
  /** Correlates with the server logs (500s). */
  requestId?: string;
  /** 404 for a sheet that never published: the input it refused. */
  lastError?: { at: string; key: string; reason: string; message: string };
  /** 404 for a figure key: the revision that removed the figure. */
  removedInRevision?: number;
}

interface Mapping {
  status: number;
  title: string;
  headers?: Record<string, string>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function mappingFor(err: AppError): Mapping {
  const m = (status: number, headers?: Record<string, string>): Mapping => ({
    status,
    title: TITLES[status] ?? 'Error',
    headers,
  });
  if (err instanceof ValidationError) return m(400);
  if (err instanceof UnauthorizedError) return m(401, { 'WWW-Authenticate': 'Bearer realm="factsheets"' });
  if (err instanceof ForbiddenError) return m(403);
  if (err instanceof NotFoundError) return m(404);
  if (err instanceof ConflictError || err instanceof RevisionConflictError) return m(409);
  if (err instanceof PayloadTooLargeError) return m(413);
  if (err instanceof UnsupportedMediaTypeError) return m(415);
  if (err instanceof InvalidSourceError) {
    if (err.reason === 'too-large') return m(413);
    if (err.reason === 'unsupported-type') return m(415);
    if (err.reason === 'bad-id') return m(400);
    return m(422);
  }
  if (err instanceof TooManyRequestsError) return m(429, { 'Retry-After': '1' });
  if (err instanceof TransientStoreError) return m(503, { 'Retry-After': '1' });
  if (err instanceof FetchError) return m(502);
  return m(500);
}

/** The problem document (and extra headers) for any thrown value. */
export function toProblem(
  err: unknown,
  context: { instance?: string; requestId?: string } = {},
): { problem: Problem; headers: Record<string, string> } {
  if (!isAppError(err)) return { problem: internalProblem(context), headers: {} };
  const mapping = mappingFor(err);
  if (mapping.status === 500) return { problem: internalProblem(context), headers: {} };
  const problem: Problem = {
    type: problemType(err.code),
    title: mapping.title,
    status: mapping.status,
    detail: err.message,
    code: err.code,
    instance: context.instance,
  };
  if (err instanceof ValidationError) {
    problem.parameter = err.parameter;
    if (Array.isArray(err.details)) problem.errors = err.details as Problem['errors'];
  }
  if (err instanceof NotFoundError && 'lastError' in err && err.lastError) {
    const { at, key, reason, message } = err.lastError as NonNullable<Problem['lastError']>;
    problem.lastError = { at, key, reason, message };
  }
  if (
    err instanceof NotFoundError &&
    'removedInRevision' in err &&
    typeof err.removedInRevision === 'number'
  ) {
    problem.removedInRevision = err.removedInRevision;
  }
  if (err instanceof InvalidSourceError) {
    problem.reason = err.reason;
    if (err.reason === 'bad-id') problem.parameter = 'id';
  }
  return { problem, headers: mapping.headers ?? {} };
}

function internalProblem(context: { instance?: string; requestId?: string }): Problem {
  return {
    type: problemType('internal'),
    title: TITLES[500]!,
    status: 500,
    detail: 'The server failed to handle this request. Retry later; report the requestId if it persists.',
    code: 'internal',
    instance: context.instance,
    requestId: context.requestId,
  };
}

/** A stable URI per error code (RFC 9457 `type`); relative, resolved against the API's base URL. */
export function problemType(code: string): string {
  return `/problems/${code}`;
}

/** A complete problem+json response for any thrown value. */
export function problemResponse(
  err: unknown,
  context: { instance?: string; requestId?: string } = {},
): ApiResponse {
  const { problem, headers } = toProblem(err, context);
  return {
    statusCode: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
    body: JSON.stringify(problem),
  };
}
