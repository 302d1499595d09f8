/**
 * The api's Lambda adapter for previews, with answers the local endpoint cannot produce (oversized
 * payloads, throttling, crashes): each maps to the error the API's problem mapping expects.
 */
import {
  InvokeCommand,
  LambdaClient,
  RequestTooLargeException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { lambdaPreview, PreviewInvocationError } from '../../../shared/aws/preview-client';
import { InvalidSourceError, PayloadTooLargeError, TransientStoreError } from '../../../shared/errors';

const lambdaMock = mockClient(LambdaClient);
const remote = lambdaPreview(new LambdaClient({ region: 'us-east-1' }), 'factsheet-ingest');
const bytes = new TextEncoder().encode('Mali\n\nU.S. assistance totaled $5 million.');
const request = { id: 'mali', contentType: 'text/plain' as const, bytes };

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const answer = (payload: unknown, functionError?: string) =>
  lambdaMock.on(InvokeCommand).resolves({
    StatusCode: 200,
    ...(functionError && { FunctionError: functionError }),
    Payload: json(payload) as never,
  });
const failure = (): Promise<Error> =>
  remote(request).then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (err: unknown) => err as Error,
  );

beforeEach(() => lambdaMock.reset());

describe('lambdaPreview', () => {
  it('invokes synchronously with the bytes base64 and returns the preview', async () => {
    const preview = { id: 'mali', uploadId: 'x', latestRevision: 1, unchanged: false, diff: null };
    answer({ ok: true, preview });
    await expect(remote(request)).resolves.toEqual(preview);
    const input = lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'factsheet-ingest', InvocationType: 'RequestResponse' });
    const sent = JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array));
    expect(sent).toEqual({
      type: 'preview',
      id: 'mali',
      contentType: 'text/plain',
      body: expect.any(String),
    });
    expect(Buffer.from(sent.body, 'base64')).toEqual(Buffer.from(bytes));
  });

  it('a refused source becomes InvalidSourceError with ingest’s reason (422)', async () => {
    answer({ ok: false, error: { code: 'invalid-source', reason: 'no-content', message: 'no body text' } });
    const err = await failure();
    expect(err).toBeInstanceOf(InvalidSourceError);
    expect(err).toMatchObject({ reason: 'no-content', message: 'no body text' });
  });

  it('a preview too large to return becomes PayloadTooLargeError with ingest’s explanation (413)', async () => {
    answer({ ok: false, error: { code: 'result-too-large', message: 'would be 7.1 MB' } });
    const err = await failure();
    expect(err).toBeInstanceOf(PayloadTooLargeError);
    expect(err.message).toBe('would be 7.1 MB');
  });

  it('Lambda’s own oversized-response error is a 413 too, not an outage', async () => {
    answer(
      { errorType: 'Function.ResponseSizeTooLarge', errorMessage: 'Response payload size exceeded' },
      'Unhandled',
    );
    const err = await failure();
    expect(err).toBeInstanceOf(PayloadTooLargeError);
    expect(err.message).toMatch(/larger than factsheet-ingest can return/);
  });

  it('a request Lambda refuses as too large is PayloadTooLargeError', async () => {
    lambdaMock
      .on(InvokeCommand)
      .rejects(new RequestTooLargeException({ message: 'Request must be smaller', $metadata: {} }));
    expect(await failure()).toBeInstanceOf(PayloadTooLargeError);
  });

  it('throttling and crashes are retryable (503); a malformed answer is an invocation error', async () => {
    lambdaMock
      .on(InvokeCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    expect(await failure()).toBeInstanceOf(TransientStoreError);
    answer({ errorType: 'Error', errorMessage: 'boom' }, 'Unhandled');
    const crashed = await failure();
    expect(crashed).toBeInstanceOf(TransientStoreError);
    expect(crashed.message).toBe('Preview failed in factsheet-ingest (Error); try again later');
    answer({ ok: true });
    expect(await failure()).toBeInstanceOf(PreviewInvocationError);
    answer({ ok: false, error: { code: 'validation', message: 'not a preview invocation' } });
    expect(await failure()).toBeInstanceOf(PreviewInvocationError);
  });
});
