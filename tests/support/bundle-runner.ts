/**
 * Runs one bundled handler (`index.js` of a synthesized asset) the way Lambda loads it: a fresh node
 * process, the module required from its asset directory, `@aws-sdk/*` resolved from outside the bundle
 * (Lambda's runtime provides it; here NODE_PATH points at this project's node_modules), the handler called
 * once with the event. Resolves with what the handler returned, or rejects with what it threw.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../infra/constructs/paths';

const RESULT_MARK = '\u0000result:';

const RUNNER = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: 'bundle-test',
    getRemainingTimeInMillis: () => 30000, callbackWaitsForEmptyEventLoop: true,
  };
  let outcome;
  try {
    const { handler } = require(process.argv[1]);
    outcome = { ok: true, value: await handler(event, context) };
  } catch (err) {
    outcome = { ok: false, error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(${JSON.stringify(RESULT_MARK)} + JSON.stringify(outcome === undefined ? null : outcome) + '\\n');
  process.exit(0);
});
`;

export interface BundleEnv {
  [name: string]: string | undefined;
}

export async function invokeBundle<T = unknown>(
  bundle: string,
  functionName: string,
  event: unknown,
  env: BundleEnv,
): Promise<T> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--enable-source-maps', '-e', RUNNER, bundle],
      {
        cwd: path.dirname(bundle),
        timeout: 60_000,
        maxBuffer: 32 * 1024 * 1024,
        env: {
          PATH: process.env.PATH,
          NODE_PATH: path.join(PROJECT_ROOT, 'node_modules'),
          AWS_LAMBDA_FUNCTION_NAME: functionName,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          POWERTOOLS_SERVICE_NAME: `factsheet-${functionName}`,
          POWERTOOLS_LOG_LEVEL: 'SILENT',
          POWERTOOLS_METRICS_DISABLED: 'true',
          ...env,
        },
      },
      (err, out, errOut) => {
        if (err) reject(new Error(`${functionName} bundle process failed: ${err.message}\n${errOut}`));
        else resolve(out);
      },
    );
    child.stdin?.end(JSON.stringify(event));
  });
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`${functionName} bundle printed no result:\n${stdout}`);
  const outcome = JSON.parse(line.slice(RESULT_MARK.length)) as
    | { ok: true; value: T }
    | { ok: false; error: string };
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}
