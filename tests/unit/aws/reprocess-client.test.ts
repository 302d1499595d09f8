/**
 * The api's Lambda adapter for reprocess, with answers the local endpoint cannot produce (throttling,
 * service faults, timeouts): every answer maps to the domain error the API's problem mapping expects.
 */
import {
  InvokeCommand,
  LambdaClient,
  LambdaServiceException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { lambdaReprocess, ReprocessInvocationError } from '../../../shared/aws/reprocess-client';
import {
  ConflictError,
  InvalidSourceError,
  NotFoundError,
  RevisionConflictError,
  TransientStoreError,
  ValidationError,
} from '../../../shared/errors';

const lambdaMock = mockClient(LambdaClient);
const remote = lambdaReprocess(new LambdaClient({ region: 'us-east-1' }), 'factsheet-ingest');

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const answer = (payload: unknown, functionError?: string) =>
  lambdaMock.on(InvokeCommand).resolves({
    StatusCode: 200,
    ...(functionError && { FunctionError: functionError }),
    Payload: json(payload) as never,
  });
const failure = (id = 'mali'): Promise<Error> =>
  remote(id).then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (err: unknown) => err as Error,
  );

beforeEach(() => lambdaMock.reset());

describe('lambdaReprocess', () => {
  it('invokes the named function synchronously with the reprocess payload and returns its result', async () => {
    answer({ ok: true, status: 'published', revision: 4 });
    await expect(remote('mali', { force: true })).resolves.toEqual({ status: 'published', revision: 4 });
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 1);
    const input = lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'factsheet-ingest', InvocationType: 'RequestResponse' });
    expect(JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array))).toEqual({
      type: 'reprocess',
      id: 'mali',
      force: true,
    });
  });

  it('leaves force out unless asked', async () => {
    answer({ ok: true, status: 'unchanged', revision: 2 });
    await remote('mali');
    const input = lambdaMock.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array))).toEqual({
      type: 'reprocess',
      id: 'mali',
    });
  });

  it.each([
    [{ code: 'not-found', message: 'Sheet x has no revision to reprocess' }, NotFoundError],
    [{ code: 'conflict', message: 'archived source is missing' }, ConflictError],
    [{ code: 'validation', message: 'id: must be…' }, ValidationError],
  ])('refusal %o → the same domain error, message kept', async (error, type) => {
    answer({ ok: false, error });
    const err = await failure();
    expect(err).toBeInstanceOf(type);
    expect(err.message).toBe(error.message);
  });

  it('an invalid-source refusal keeps its reason (the API maps reasons to 413/415/422)', async () => {
    answer({ ok: false, error: { code: 'invalid-source', message: 'too big', reason: 'too-large' } });
    const err = await failure();
    expect(err).toBeInstanceOf(InvalidSourceError);
    expect((err as InvalidSourceError).reason).toBe('too-large');
  });

  it('a function error from a retryable failure → TransientStoreError (503, retry later)', async () => {
    answer({ errorType: 'TransientStoreError', errorMessage: 'DynamoDB throttled' }, 'Unhandled');
    const err = await failure();
    expect(err).toBeInstanceOf(TransientStoreError);
    expect(err.message).toContain('factsheet-ingest');
    expect(err.message).toContain('TransientStoreError');
  });

  it('a timeout or crash of the function → TransientStoreError, internals not in the message', async () => {
    answer(
      { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 60.00 seconds' },
      'Unhandled',
    );
    const err = await failure();
    expect(err).toBeInstanceOf(TransientStoreError);
    expect(err.message).not.toContain('60.00');
  });

  it('lost publish races reported by the function stay a RevisionConflictError (409, as in-process)', async () => {
    answer({ errorType: 'RevisionConflictError', errorMessage: 'Sheet mali: gave up' }, 'Unhandled');
    const err = await failure();
    expect(err).toBeInstanceOf(RevisionConflictError);
    expect(err.message).toBe('Sheet mali: gave up');
  });

  it('a function error with an unreadable body is still a function error', async () => {
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 200, FunctionError: 'Unhandled' });
    expect(await failure()).toBeInstanceOf(TransientStoreError);
  });

  it('Lambda throttling (TooManyRequestsException) → TransientStoreError', async () => {
    lambdaMock
      .on(InvokeCommand)
      .rejects(
        new TooManyRequestsException({ message: 'Rate exceeded', $metadata: { httpStatusCode: 429 } }),
      );
    const err = await failure();
    expect(err).toBeInstanceOf(TransientStoreError);
    expect(err.cause).toBeInstanceOf(TooManyRequestsException);
  });

  it('a Lambda service fault (5xx) → TransientStoreError', async () => {
    lambdaMock.on(InvokeCommand).rejects(
      new LambdaServiceException({
        name: 'ServiceException',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
      }),
    );
    expect(await failure()).toBeInstanceOf(TransientStoreError);
  });

  it('a missing function is a configuration problem, not a domain answer (500)', async () => {
    lambdaMock
      .on(InvokeCommand)
      .rejects(
        new ResourceNotFoundException({ message: 'Function not found', $metadata: { httpStatusCode: 404 } }),
      );
    const err = await failure();
    expect(err).toBeInstanceOf(ReprocessInvocationError);
    expect(err.cause).toBeInstanceOf(ResourceNotFoundException);
  });

  it.each([
    [null],
    [{ ok: true }],
    [{ ok: true, status: 'done', revision: 1 }],
    [{ ok: false, error: { code: 'teapot', message: 'x' } }],
    ['not json'],
  ])('an unexpected payload %p is reported, never taken for success', async (payload) => {
    lambdaMock.on(InvokeCommand).resolves({
      StatusCode: 200,
      Payload: (typeof payload === 'string' ? new TextEncoder().encode(payload) : json(payload)) as never,
    });
    expect(await failure()).toBeInstanceOf(ReprocessInvocationError);
  });
});
