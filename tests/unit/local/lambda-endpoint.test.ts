/**
 * The local Lambda Invoke endpoint, driven by the real SDK LambdaClient (and raw HTTP for what the SDK
 * never sends): results, function errors and service errors look the way Lambda returns them.
 */
import {
  InvokeCommand,
  LambdaClient,
  RequestTooLargeException,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { type LambdaEndpoint, startLambdaEndpoint } from '../../../infra/local/lambda-endpoint';

let endpoint: LambdaEndpoint;
let client: LambdaClient;
const seen: { event: unknown; context: { functionName?: string } }[] = [];

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const decode = (payload: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(payload));

class BrokenError extends Error {
  override name = 'BrokenError';
}

beforeAll(async () => {
  endpoint = await startLambdaEndpoint({
    ingest: (async (event: unknown, context: { functionName?: string }) => {
      seen.push({ event, context });
      const e = event as { fail?: string; nothing?: boolean };
      if (e.fail) throw new BrokenError(e.fail);
      if (e.nothing) return undefined;
      return { echoed: event };
    }) as never,
  });
  client = new LambdaClient({
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await endpoint.close();
});

beforeEach(() => {
  seen.length = 0;
});

describe('local Lambda endpoint', () => {
  it('runs the handler with the parsed payload and a Lambda-like context; returns its JSON result', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'ingest', Payload: encode({ type: 'reprocess', id: 'mali' }) }),
    );
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBeUndefined();
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(decode(out.Payload)).toEqual({ echoed: { type: 'reprocess', id: 'mali' } });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.context.functionName).toBe('ingest');
  });

  it('accepts the function ARN as the name, as Lambda does', async () => {
    const out = await client.send(
      new InvokeCommand({
        FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:ingest',
        Payload: encode({ a: 1 }),
      }),
    );
    expect(decode(out.Payload)).toEqual({ echoed: { a: 1 } });
  });

  it('a thrown error → 200 with X-Amz-Function-Error: Unhandled and {errorType, errorMessage}', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'ingest', Payload: encode({ fail: 'boom' }) }),
    );
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
    expect(decode(out.Payload)).toMatchObject({ errorType: 'BrokenError', errorMessage: 'boom' });
  });

  it('an undefined result is null, and an empty payload is an empty event', async () => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: 'ingest', Payload: encode({ nothing: true }) }),
    );
    expect(decode(out.Payload)).toBeNull();
    const empty = await client.send(new InvokeCommand({ FunctionName: 'ingest' }));
    expect(decode(empty.Payload)).toEqual({ echoed: {} });
  });

  it('an unknown function → 404 ResourceNotFoundException, and no handler runs', async () => {
    const err = await client
      .send(new InvokeCommand({ FunctionName: 'refresh', Payload: encode({}) }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect((err as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    expect((err as Error).message).toContain('refresh');
    const proto = await client
      .send(new InvokeCommand({ FunctionName: 'constructor', Payload: encode({}) }))
      .catch((e: unknown) => e);
    expect(proto).toBeInstanceOf(ResourceNotFoundException);
    expect(seen).toEqual([]);
  });

  it('refuses what it does not emulate: async invocation types, bad JSON, other routes', async () => {
    const invoke = (
      headers: Record<string, string>,
      body: string,
      path = '/2015-03-31/functions/ingest/invocations',
    ) => fetch(`${endpoint.url}${path}`, { method: 'POST', headers, body });
    const async = await invoke({ 'X-Amz-Invocation-Type': 'Event' }, '{}');
    expect(async.status).toBe(400);
    expect(async.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
    const bad = await invoke({}, '{not json');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
    const other = await invoke({}, '{}', '/2015-03-31/functions');
    expect(other.status).toBe(404);
    expect(seen).toEqual([]);
  });
});

describe('local Lambda endpoint: the synchronous payload limits', () => {
  let small: LambdaEndpoint;
  let smallClient: LambdaClient;
  let runs = 0;

  beforeAll(async () => {
    small = await startLambdaEndpoint(
      {
        ingest: (async (event: { size: number }) => {
          runs++;
          return { filler: 'x'.repeat(event.size) };
        }) as never,
      },
      { maxPayloadBytes: 1000 },
    );
    smallClient = new LambdaClient({
      endpoint: small.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
  });

  afterAll(async () => {
    smallClient.destroy();
    await small.close();
  });

  it('a request over the limit is RequestTooLargeException, and the handler never runs', async () => {
    const err = await smallClient
      .send(
        new InvokeCommand({ FunctionName: 'ingest', Payload: encode({ size: 1, pad: 'y'.repeat(1000) }) }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestTooLargeException);
    expect((err as Error).message).toMatch(/smaller than 1000 bytes/);
    expect(runs).toBe(0);
  });

  it('a result over the limit is the function error Function.ResponseSizeTooLarge; one under it passes', async () => {
    const over = await smallClient.send(
      new InvokeCommand({ FunctionName: 'ingest', Payload: encode({ size: 1000 }) }),
    );
    expect(over.FunctionError).toBe('Unhandled');
    expect(decode(over.Payload)).toEqual({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (1000 bytes).',
    });
    const under = await smallClient.send(
      new InvokeCommand({ FunctionName: 'ingest', Payload: encode({ size: 900 }) }),
    );
    expect(under.FunctionError).toBeUndefined();
    expect(decode(under.Payload).filler).toHaveLength(900);
  });
});
