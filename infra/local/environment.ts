/**
 * The local runtime's environment: the table and bucket it creates, what the handlers read at load time
 * (as Lambda configuration would set it), and the SDK endpoints that point their clients at the emulators
 * and the local stand-ins once those listen.
 */
import { loadConfig } from '../../shared/config';
import {
  boundedInt,
  ENV,
  type Env,
  functionNameVariable,
  type SdkService,
  sdkEndpointVariable,
} from '../../shared/env';
import { webhookPolicyFromEnv } from '../../shared/notify/webhook-url';
import { functions, schedule } from '../../shared/topology';

export const LOCAL_TABLE_NAME = 'factsheets';
export const LOCAL_BUCKET_NAME = 'factsheets';
/** The only credentials s3rver accepts; dynalite accepts any. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

// Lazily: the AWS SDK loads while the emulator worker boots in parallel.
const aws = () => require('../../shared/aws/clients') as typeof import('../../shared/aws/clients');

/** What `npm start` reads (infra/local/main.ts), checked before anything starts. */
export interface StartEnvironment {
  port: number;
  dataDir: string;
  apiToken: string | undefined;
  /** REFRESH_RATE as given, else the topology's rate (parsed by local/schedule.ts). */
  refreshRate: string;
  /** Test hook: hold each S3 event this long before ingest sees it (0: none). */
  ingestDelayMs: number;
  /** Test hook: a fixed wait between webhook retries instead of the topology's (0: the topology's). */
  notifyBackoffMs: number;
}

export function readStartEnvironment(env: Env = process.env): StartEnvironment {
  return {
    port: boundedInt(env, ENV.port, 3000, 65_535),
    dataDir: env[ENV.dataDir] || '.data',
    apiToken: env[ENV.apiToken] || undefined,
    refreshRate: env[ENV.refreshRate] ?? schedule.rate,
    ingestDelayMs: boundedInt(env, ENV.localIngestDelayMs, 0, 3_600_000),
    notifyBackoffMs: boundedInt(env, ENV.localNotifyBackoffMs, 0, 3_600_000),
  };
}

/**
 * Each invoked function's name variable, as bind-access.ts sets it on AWS (`INGEST_FUNCTION_NAME`…): the
 * local Lambda endpoint serves the topology's function names.
 */
function invokeEnvironment(): Record<string, string> {
  const names = Object.values(functions).flatMap((spec) => spec.access.invoke ?? []);
  return Object.fromEntries(names.map((name) => [functionNameVariable(name), name]));
}

/** The handlers' environment locally: what Lambda configuration would hold, from `env`'s own choices. */
export function localFunctionEnvironment(env: Env): Record<string, string> {
  const hosts = new Set((env[ENV.allowedHosts] ?? '').split(',').filter(Boolean));
  hosts.add('127.0.0.1');
  return {
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_REGION: env.AWS_REGION ?? 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    [ENV.tableName]: LOCAL_TABLE_NAME,
    [ENV.bucketName]: LOCAL_BUCKET_NAME,
    ...invokeEnvironment(),
    [ENV.allowedHosts]: [...hosts].join(','),
    [ENV.allowPrivateAddresses]: env[ENV.allowPrivateAddresses] ?? 'true',
    [ENV.metricsNamespace]: env[ENV.metricsNamespace] ?? 'FactSheets',
    [ENV.logLevel]: env[ENV.logLevel] ?? 'WARN',
    // EMF metric lines are for CloudWatch; locally they would bury the ready line.
    [ENV.metricsDisabled]: env[ENV.metricsDisabled] ?? 'true',
  };
}

/**
 * Checks the handlers' environment as they will read it: a bad value (`ALLOW_PRIVATE_ADDRESSES=yes`)
 * stops the start, before anything is touched, with a ConfigError naming the variable, instead of failing
 * the first invocation that reads it.
 */
export function checkFunctionEnvironment(env: Env = process.env): void {
  const local = { ...env, ...localFunctionEnvironment(env) };
  loadConfig(local);
  webhookPolicyFromEnv(local);
}

/** Exports what the handlers read at load time (as Lambda configuration would set it); endpoints come later. */
export function exportStaticEnvironment(): string {
  Object.assign(process.env, localFunctionEnvironment(process.env));
  delete process.env.AWS_PROFILE;
  return process.env.AWS_REGION as string;
}

/**
 * Points the handlers' SDK clients at local endpoints: they read these variables, as they would on AWS,
 * and are rebuilt so the next call uses them.
 */
export function exportEndpoints(endpoints: Partial<Record<SdkService, string>>): void {
  for (const [service, url] of Object.entries(endpoints)) {
    process.env[sdkEndpointVariable(service as SdkService)] = url;
  }
  aws().resetClients();
}
