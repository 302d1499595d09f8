/**
 * Starts one s3rver and one dynalite for the whole jest run (real emulators, free ports on 127.0.0.1).
 * Workers inherit the endpoints through the environment; each suite creates its own table and bucket
 * (tests/support/resources.ts) so suites never see each other's data.
 */
import { startEmulators } from '../../infra/local/emulators';
import { createRunTempDir } from './run-temp-dir';

export default async function globalSetup(): Promise<void> {
  // First, so the emulators' own scratch folders land in the run's folder too.
  createRunTempDir();
  const emulators = await startEmulators();
  process.env.AWS_ENDPOINT_URL_S3 = emulators.s3Endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.dynamoEndpoint;
  (globalThis as { __emulators__?: typeof emulators }).__emulators__ = emulators;
}
