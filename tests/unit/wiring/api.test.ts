/**
 * The api's production wiring reprocesses through the ingest function: without INGEST_FUNCTION_NAME the
 * first reprocess fails with a ConfigError naming it (every other route still works), and with it the
 * call is a Lambda invoke of exactly that function.
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ConfigError, loadConfig } from '../../../shared/config';
import { apiDepsFromConfig } from '../../../shared/wiring/api';

const lambdaMock = mockClient(LambdaClient);
const base = { TABLE_NAME: 't', BUCKET_NAME: 'b' };

beforeEach(() => lambdaMock.reset());

describe('apiDepsFromConfig: reprocess', () => {
  it('throws a ConfigError naming INGEST_FUNCTION_NAME on first reprocess when it is missing', async () => {
    const deps = apiDepsFromConfig(loadConfig(base));
    const err = await deps.reprocess?.('mali').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('INGEST_FUNCTION_NAME');
    expect(lambdaMock).not.toHaveReceivedCommand(InvokeCommand);
  });

  it('invokes the configured ingest function and returns its answer', async () => {
    lambdaMock.on(InvokeCommand).resolves({
      StatusCode: 200,
      Payload: new TextEncoder().encode(
        JSON.stringify({ ok: true, status: 'unchanged', revision: 3 }),
      ) as never,
    });
    const deps = apiDepsFromConfig(loadConfig({ ...base, INGEST_FUNCTION_NAME: 'stack-Ingest' }));
    await expect(deps.reprocess?.('mali')).resolves.toEqual({ status: 'unchanged', revision: 3 });
    expect(lambdaMock).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: 'stack-Ingest',
      InvocationType: 'RequestResponse',
    });
  });
});
