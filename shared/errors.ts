/**
 * One error hierarchy for the whole domain. Adapters translate SDK errors into these; the API maps them to
 * HTTP in exactly one place (shared/api/problem.ts). `retryable` tells event handlers whether to throw.
 */

export abstract class AppError extends Error {
  abstract readonly code: string;
  readonly retryable: boolean = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Why a source document was refused. */
export type SourceRejection =
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'too-large'
  | 'no-content'
  | 'too-deep'
  | 'too-many-figures'
  | 'bad-id'
  | 'unsupported-type'
  /** Ingest itself failed on these bytes with an unexpected (not transient) error. */
  | 'ingest-failed'
  /** The stored bytes do not match the MD5 the store recorded for them (damaged storage). */
  | 'corrupt-object'
  /** An archived source's bytes do not match the SHA-256 its key and revision name. */
  | 'archive-mismatch';

/** The source document cannot become a sheet; retrying the same bytes will fail the same way. */
export class InvalidSourceError extends AppError {
  readonly code = 'invalid-source';
  constructor(
    readonly reason: SourceRejection,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A stored object's bytes differ from the checksum stored with them: never use them. */
export class CorruptObjectError extends AppError {
  readonly code = 'corrupt-object';
  constructor(
    readonly key: string,
    /** SHA-256 of the bytes actually read, so a rejection can name exactly these bytes. */
    readonly sourceHash: string,
    message: string,
  ) {
    super(message);
  }
}

/** A request parameter, query or body failed validation. */
export class ValidationError extends AppError {
  readonly code = 'validation';
  constructor(
    message: string,
    readonly parameter?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not-found';
}

export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized';
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
}

export class PayloadTooLargeError extends AppError {
  readonly code = 'payload-too-large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'unsupported-media-type';
}

/** The request is well-formed but conflicts with current state (e.g. nothing to reprocess). */
export class ConflictError extends AppError {
  readonly code = 'conflict';
}

/** Someone else flipped META.latestRevision first; the caller re-reads and retries. */
export class RevisionConflictError extends AppError {
  readonly code = 'revision-conflict';
  override readonly retryable = true;
}

/** The backing store throttled or was unavailable; the operation may succeed later. */
export class TransientStoreError extends AppError {
  readonly code = 'transient-store';
  override readonly retryable = true;
}

/** A fetch of a registered source failed (network, status, size, type, policy). */
export class FetchError extends AppError {
  readonly code = 'fetch';
  constructor(
    readonly reason:
      | 'scheme'
      | 'host-not-allowed'
      | 'private-address'
      | 'timeout'
      | 'too-large'
      | 'content-type'
      | 'status'
      | 'redirects'
      | 'network',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class TooManyRequestsError extends AppError {
  readonly code = 'too-many-requests';
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
