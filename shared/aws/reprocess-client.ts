/**
 * The api's side of reprocessing: invoke the ingest function (RequestResponse) with a reprocess payload
 * and turn its answer back into the domain's results and errors, so the API's problem+json mapping is the
 * same as when the parser ran in-process. Lambda types stay out: the client is the SDK's LambdaClient.
 */
import type { InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import {
  ConflictError,
  InvalidSourceError,
  NotFoundError,
  RevisionConflictError,
  TransientStoreError,
  ValidationError,
} from '../errors';
import type { ReprocessInvocation, ReprocessInvocationResult } from '../pipeline/reprocess-invocation';
import { isTransientAwsError } from './errors';

/** What the API's reprocess route needs. */
export type ReprocessRemote = (
  id: string,
  options?: { force?: boolean },
) => Promise<{ status: 'published' | 'unchanged'; revision: number }>;

/** The body Lambda returns for a function error (`X-Amz-Function-Error` set). */
interface FunctionErrorPayload {
  errorType?: string;
  errorMessage?: string;
}

/** Thrown when the invocation itself went wrong in a way retrying will not fix (not a domain refusal). */
export class ReprocessInvocationError extends Error {
  override name = 'ReprocessInvocationError';
}

function decode(payload: Uint8Array | undefined): unknown {
  const text = payload ? new TextDecoder().decode(payload) : '';
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function fromFunctionError(kind: string, payload: unknown, functionName: string): Error {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as FunctionErrorPayload;
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
    // Required here, not at the top: the api's cold start should not pay for a client only reprocess uses.
    const { InvokeCommand } = require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda');
    let response: InvokeCommandOutput;
    try {
      response = await client.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'RequestResponse',
          Payload: new TextEncoder().encode(JSON.stringify(request)),
        }),
      );
    } catch (err) {
      if (isTransientAwsError(err) || (err as { name?: string }).name === 'TooManyRequestsException') {
        const name = (err as { name?: string }).name ?? 'error';
        throw new TransientStoreError(`Invoking ${functionName} failed transiently (${name})`, {
          cause: err,
        });
      }
      throw new ReprocessInvocationError(`Invoking ${functionName} failed`, { cause: err });
    }
    const payload = decode(response.Payload);
    if (response.FunctionError) throw fromFunctionError(response.FunctionError, payload, functionName);
    const mapped = fromResult(payload, functionName);
    if (mapped instanceof Error) throw mapped;
    return mapped;
  };
}
