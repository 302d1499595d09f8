/**
 * One synchronous (RequestResponse) Lambda invocation with a JSON payload, for the api's calls into the
 * ingest function (reprocess, preview): transport failures become domain errors, the answer comes back
 * decoded with Lambda's function-error marker, and each caller maps its own result.
 */
import type { InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { PayloadTooLargeError, TransientStoreError } from '../errors';
import { isTransientAwsError } from './errors';

export interface InvokeAnswer {
  /** The decoded JSON payload (text when it is not JSON, null when empty). */
  payload: unknown;
  /** Lambda's `X-Amz-Function-Error` (`Unhandled`…) when the function threw, timed out or crashed. */
  functionError?: string;
}

/** The body Lambda returns for a function error. */
export interface FunctionErrorPayload {
  errorType?: string;
  errorMessage?: string;
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

/** The function-error body's fields, whatever shape it came in. */
export function functionErrorOf(payload: unknown): FunctionErrorPayload {
  return (typeof payload === 'object' && payload !== null ? payload : {}) as FunctionErrorPayload;
}

/**
 * Invokes `functionName` with `request` as JSON. Throttling and transient failures throw
 * TransientStoreError (503 + Retry-After), a payload over Lambda's limit PayloadTooLargeError, anything
 * else `failure(message, cause)`: retrying will not fix it.
 */
export async function invokeSync(
  client: LambdaClient,
  functionName: string,
  request: unknown,
  failure: (message: string, cause: unknown) => Error,
): Promise<InvokeAnswer> {
  // Required here, not at the top: the api's cold start should not pay for a client few routes use.
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
    const name = (err as { name?: string }).name ?? 'error';
    if (isTransientAwsError(err) || name === 'TooManyRequestsException') {
      throw new TransientStoreError(`Invoking ${functionName} failed transiently (${name})`, { cause: err });
    }
    if (name === 'RequestTooLargeException') {
      throw new PayloadTooLargeError(`The request is too large to invoke ${functionName} with`, {
        cause: err,
      });
    }
    throw failure(`Invoking ${functionName} failed`, err);
  }
  const payload = decode(response.Payload);
  return response.FunctionError ? { payload, functionError: response.FunctionError } : { payload };
}
