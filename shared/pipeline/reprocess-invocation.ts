/**
 * The ingest function's direct-invocation contract for reprocessing: the api invokes ingest with
 * `{ type: 'reprocess', id, force? }` (so the parser lives in the ingest bundle only) and gets back a
 * plain JSON result. Domain refusals travel as `{ ok: false, error }`; anything retryable or unexpected is
 * thrown, which Lambda reports to the caller as a FunctionError.
 */
// zod/mini: the same validation, a fraction of full zod's size in the ingest bundle.
import * as z from 'zod/mini';
import {
  AppError,
  ConflictError,
  InvalidSourceError,
  NotFoundError,
  type SourceRejection,
  ValidationError,
} from '../errors';
import type { PipelineDeps } from './deps';
import { describeIssues } from './invocation-issues';
import { reprocessSheet } from './reprocess';
import { isValidSheetId } from './source-key';

export const ReprocessInvocationSchema = z.strictObject({
  type: z.literal('reprocess', { error: 'must be "reprocess", "reprocess-stale" or "preview"' }),
  id: z
    .string({ error: 'must be a sheet id (string)' })
    .check(z.refine(isValidSheetId, 'must be 1–64 characters of a-z, 0-9 and -')),
  force: z.optional(z.boolean({ error: 'must be a boolean' })),
});

export type ReprocessInvocation = z.infer<typeof ReprocessInvocationSchema>;

/** The error codes a reprocess invocation returns instead of throwing (the domain's refusals). */
export type ReprocessErrorCode = 'not-found' | 'conflict' | 'invalid-source' | 'validation';

export type ReprocessInvocationResult =
  | { ok: true; status: 'published' | 'unchanged'; revision: number }
  | { ok: false; error: { code: ReprocessErrorCode; message: string; reason?: SourceRejection } };

/** True for an event that claims to be a direct invocation (has `type`), valid or not. */
export function isDirectInvocation(event: unknown): event is { type: unknown } {
  return typeof event === 'object' && event !== null && 'type' in event;
}

/** Checks an invocation payload; throws ValidationError listing what is wrong. */
export function parseReprocessInvocation(event: unknown): ReprocessInvocation {
  const parsed = ReprocessInvocationSchema.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError(
      `not a reprocess invocation: ${describeIssues(parsed.error.issues)}`,
      'event',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

function refusal(err: AppError): ReprocessInvocationResult | null {
  const message = err.message;
  if (err instanceof InvalidSourceError) {
    return { ok: false, error: { code: 'invalid-source', message, reason: err.reason } };
  }
  if (err instanceof NotFoundError) return { ok: false, error: { code: 'not-found', message } };
  if (err instanceof ConflictError) return { ok: false, error: { code: 'conflict', message } };
  if (err instanceof ValidationError) return { ok: false, error: { code: 'validation', message } };
  return null;
}

/**
 * Validates the payload and runs `reprocessSheet`. A rejected source is a refusal (`invalid-source` with
 * its reason), exactly as the API reported it when it reprocessed in-process.
 */
export async function runReprocessInvocation(
  deps: PipelineDeps,
  event: unknown,
): Promise<ReprocessInvocationResult> {
  try {
    const { id, force } = parseReprocessInvocation(event);
    const outcome = await reprocessSheet(deps, id, { force: force ?? false });
    if (outcome.status === 'rejected') {
      throw new InvalidSourceError(outcome.reason, outcome.message);
    }
    return { ok: true, status: outcome.status, revision: outcome.revision };
  } catch (err) {
    const refused = err instanceof AppError ? refusal(err) : null;
    if (refused) return refused;
    throw err;
  }
}
