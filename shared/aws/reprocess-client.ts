/**
 * The api's side of reprocessing: invoke the ingest function (RequestResponse) with a reprocess payload
 * and turn its answer back into the domain's results and errors, so the API's problem+json mapping is the
 * same as when the parser ran in-process. Lambda types stay out: the client is the SDK's LambdaClient.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import {
  ConflictError,
  InvalidSourceError,
  NotFoundError,
  RevisionConflictError,
  TransientStoreError,
  ValidationError,
} from '../errors';
import type { ReprocessInvocation, ReprocessInvocationResult } from '../pipeline/reprocess-invocation';
import { functionErrorOf, invokeSync } from './invoke-sync';

/** What the API's reprocess route needs. */
export type ReprocessRemote = (
  id: string,
  options?: { force?: boolean },
) => Promise<{ status: 'published' | 'unchanged'; revision: number }>;

/** Thrown when the invocation itself went wrong in a way retrying will not fix (not a domain refusal). */
export class ReprocessInvocationError extends Error {
  override name = 'ReprocessInvocationError';
}

function fromFunctionError(kind: string, payload: unknown, functionName: string): Error {
  const body = functionErrorOf(payload);
  const type = body.errorType ?? kind;
  // The in-process reprocess reported lost publish races as 409; keep that.
  if (type === 'RevisionConflictError') {
    return new RevisionConflictError(body.errorMessage ?? `${functionName} lost every publish race`);
  }
  // Everything else the function threw is retryable by its contract (or a timeout / crash): try later.
  return new TransientStoreError(`Reprocessing failed in ${functionName} (${type}); try again later`, {
    cause: body,
  });
}

function fromResult(result: unknown, functionName: string) {
  const r = result as ReprocessInvocationResult | null;
  if (
    r?.ok === true &&
    typeof r.revision === 'number' &&
    (r.status === 'published' || r.status === 'unchanged')
  ) {
    return { status: r.status, revision: r.revision };
  }
  if (r?.ok === false && r.error) {
    const { code, message, reason } = r.error;
    if (code === 'not-found') return new NotFoundError(message);
    if (code === 'conflict') return new ConflictError(message);
    if (code === 'invalid-source' && reason) return new InvalidSourceError(reason, message);
    if (code === 'validation') return new ValidationError(message, 'id');
  }
  return new ReprocessInvocationError(`${functionName} returned an unexpected reprocess result`, {
    cause: result,
  });
}

/** A `ReprocessRemote` that invokes `functionName` through `client` and maps its answer to the domain. */
export function lambdaReprocess(client: LambdaClient, functionName: string): ReprocessRemote {
  return async (id, options = {}) => {
    const request: ReprocessInvocation = { type: 'reprocess', id, ...(options.force && { force: true }) };
    const { payload, functionError } = await invokeSync(
      client,
      functionName,
      request,
      (message, cause) => new ReprocessInvocationError(message, { cause }),
    );
    if (functionError) throw fromFunctionError(functionError, payload, functionName);
    const mapped = fromResult(payload, functionName);
    if (mapped instanceof Error) throw mapped;
    return mapped;
  };
}
