/**
 * The api's side of previews: invoke the ingest function (RequestResponse) with the source bytes and turn
 * its answer into the preview or the domain error the API maps to problem+json (422 with ingest's reason,
 * 413 for a preview too large to return).
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { InvalidSourceError, PayloadTooLargeError, TransientStoreError } from '../errors';
import type { PreviewRequest, SheetPreview } from '../pipeline/preview';
import type { PreviewInvocation, PreviewInvocationResult } from '../pipeline/preview-invocation';
import { functionErrorOf, invokeSync } from './invoke-sync';

/** What the API's preview route needs. */
export type PreviewRemote = (request: PreviewRequest) => Promise<SheetPreview>;

/** The invocation went wrong in a way retrying will not fix (not a refusal of the source). */
export class PreviewInvocationError extends Error {
  override name = 'PreviewInvocationError';
}

/** Lambda's errorType when a function's response exceeds the synchronous payload limit. */
const RESPONSE_TOO_LARGE = 'Function.ResponseSizeTooLarge';

function fromFunctionError(kind: string, payload: unknown, functionName: string): Error {
  const body = functionErrorOf(payload);
  const type = body.errorType ?? kind;
  if (type === RESPONSE_TOO_LARGE) {
    return new PayloadTooLargeError(
      `The preview is larger than ${functionName} can return in one response; upload the sheet and read it in parts`,
      { cause: body },
    );
  }
  return new TransientStoreError(`Preview failed in ${functionName} (${type}); try again later`, {
    cause: body,
  });
}

function fromResult(result: unknown, functionName: string): SheetPreview | Error {
  const r = result as PreviewInvocationResult | null;
  if (r?.ok === true && typeof r.preview === 'object' && r.preview !== null) return r.preview;
  if (r?.ok === false && r.error) {
    const { code, message, reason } = r.error;
    if (code === 'invalid-source' && reason) return new InvalidSourceError(reason, message);
    if (code === 'result-too-large') return new PayloadTooLargeError(message);
  }
  return new PreviewInvocationError(`${functionName} returned an unexpected preview result`, {
    cause: result,
  });
}

/** A `PreviewRemote` that invokes `functionName` through `client`. */
export function lambdaPreview(client: LambdaClient, functionName: string): PreviewRemote {
  return async ({ id, contentType, bytes }) => {
    const request: PreviewInvocation = {
      type: 'preview',
      id,
      contentType,
      body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    };
    const { payload, functionError } = await invokeSync(
      client,
      functionName,
      request,
      (message, cause) => new PreviewInvocationError(message, { cause }),
    );
    if (functionError) throw fromFunctionError(functionError, payload, functionName);
    const mapped = fromResult(payload, functionName);
    if (mapped instanceof Error) throw mapped;
    return mapped;
  };
}
