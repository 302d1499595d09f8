/**
 * For suites that call the api handler's reprocess route: the local Lambda endpoint serving the real
 * ingest handler, with the environment the api reads (set before the api handler's first call).
 */
import { handler as ingest } from '../../functions/ingest';
import { type LambdaEndpoint, startLambdaEndpoint } from '../../infra/local/lambda-endpoint';

export async function startIngestEndpoint(): Promise<LambdaEndpoint> {
  const endpoint = await startLambdaEndpoint({ ingest });
  process.env.AWS_ENDPOINT_URL_LAMBDA = endpoint.url;
  process.env.INGEST_FUNCTION_NAME = 'ingest';
  return endpoint;
}
