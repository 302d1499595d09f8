/**
 * The local runtime's environment: the table and bucket it creates, what the handlers read at load time
 * (as Lambda configuration would set it), and the SDK endpoints that point their clients at the emulators
 * and the local stand-ins once those listen.
 */
import type { FunctionName } from '../../shared/topology';

export const LOCAL_TABLE_NAME = 'factsheets';
export const LOCAL_BUCKET_NAME = 'factsheets';
/** s3rver accepts only these (EMULATOR_CREDENTIALS in emulators.ts, not imported: it loads both emulators). */
const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

// Lazily: the AWS SDK loads while the emulator worker boots in parallel.
const aws = () => require('../../shared/aws/clients') as typeof import('../../shared/aws/clients');

/** What the handlers read at load time (as Lambda configuration would set it); endpoints come later. */
export function exportStaticEnvironment(): string {
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const hosts = new Set((process.env.ALLOWED_HOSTS ?? '').split(',').filter(Boolean));
  hosts.add('127.0.0.1');
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
    AWS_REGION: region,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: LOCAL_TABLE_NAME,
    BUCKET_NAME: LOCAL_BUCKET_NAME,
    // As bind-access.ts sets it on AWS; the Lambda endpoint serves the topology's function names.
    INGEST_FUNCTION_NAME: 'ingest' satisfies FunctionName,
    ALLOWED_HOSTS: [...hosts].join(','),
    ALLOW_PRIVATE_ADDRESSES: process.env.ALLOW_PRIVATE_ADDRESSES ?? 'true',
    POWERTOOLS_METRICS_NAMESPACE: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'FactSheets',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // EMF metric lines are for CloudWatch; locally they would bury the ready line.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  });
  delete process.env.AWS_PROFILE;
  return region;
}

/** The services whose SDK endpoint the runtime overrides (`AWS_ENDPOINT_URL_<SERVICE>`). */
type LocalService = 'S3' | 'DYNAMODB' | 'LAMBDA' | 'EVENTBRIDGE';

/**
 * Points the handlers' SDK clients at local endpoints: they read these variables, as they would on AWS,
 * and are rebuilt so the next call uses them.
 */
export function exportEndpoints(endpoints: Partial<Record<LocalService, string>>): void {
  for (const [service, url] of Object.entries(endpoints)) process.env[`AWS_ENDPOINT_URL_${service}`] = url;
  aws().resetClients();
}
