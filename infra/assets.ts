/**
 * Finds and measures the bundled function assets of a synthesized cloud assembly: used by the real-synth
 * test and by `scripts/asset-report.ts`. Runs the CDK CLI exactly as `npm run synth` does.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { type FunctionName, functions } from '../shared/topology';
import { PROJECT_ROOT } from './constructs/paths';

const run = promisify(execFile);

/** The stack id `infra/app.ts` creates. */
export const STACK_NAME = 'FactSheetPipeline';

export interface FunctionAsset {
  name: FunctionName;
  /** Directory of the asset inside the cloud assembly. */
  dir: string;
  bundle: string;
  bundleBytes: number;
  /** Size of the source map beside the bundle (0 when absent). */
  mapBytes: number;
}

/** Topology entries whose handler module does not exist yet, as `functions/x.ts (x)`. */
export function missingEntries(): string[] {
  return (Object.entries(functions) as [FunctionName, { entry: string }][])
    .filter(([, spec]) => !existsSync(path.join(PROJECT_ROOT, spec.entry)))
    .map(([name, spec]) => `${spec.entry} (${name})`);
}

/** Runs `cdk synth` (with bundling) into `outdir`. Rejects with the CLI's output on failure. */
export async function synthesize(outdir: string, timeoutMs = 120_000): Promise<void> {
  const cdk = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'cdk');
  try {
    await run(cdk, ['synth', '--quiet', '--no-notices', '--output', outdir], {
      cwd: PROJECT_ROOT,
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`cdk synth failed: ${e.message}\n${e.stderr ?? ''}\n${e.stdout ?? ''}`);
  }
}

interface TemplateResource {
  Type: string;
  Metadata?: Record<string, string>;
}

/** Each topology function's asset in `outdir`, found through the template's asset metadata. */
export function functionAssets(outdir: string, stackName = STACK_NAME): FunctionAsset[] {
  const templateFile = path.join(outdir, `${stackName}.template.json`);
  const template = JSON.parse(readFileSync(templateFile, 'utf8')) as {
    Resources: Record<string, TemplateResource>;
  };
  const lambdas = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  return (Object.keys(functions) as FunctionName[]).map((name) => {
    const construct = `${stackName}/${name.charAt(0).toUpperCase()}${name.slice(1)}/Function/Resource`;
    const resource = lambdas.find((r) => r.Metadata?.['aws:cdk:path'] === construct);
    const assetPath = resource?.Metadata?.['aws:asset:path'];
    if (!assetPath) throw new Error(`no asset for function ${name} (${construct}) in ${templateFile}`);
    const dir = path.join(outdir, assetPath);
    const bundle = path.join(dir, 'index.js');
    const map = `${bundle}.map`;
    return {
      name,
      dir,
      bundle,
      bundleBytes: existsSync(bundle) ? statSync(bundle).size : 0,
      mapBytes: existsSync(map) ? statSync(map).size : 0,
    };
  });
}

/**
 * Time to `require` a bundle in a fresh `node` process, in ms, measured inside the child so process start
 * is excluded. `@aws-sdk/*` is external (the Lambda runtime provides it); NODE_PATH lets the child load it
 * from this project's node_modules, so its load time is included as it would be on Lambda.
 */
export async function coldImportMs(bundle: string, nodeOptions = ''): Promise<number> {
  const script =
    'const {performance}=require("node:perf_hooks");const t=performance.now();' +
    `require(${JSON.stringify(bundle)});process.stdout.write(String(performance.now()-t));`;
  const { stdout } = await run(process.execPath, ['-e', script], {
    cwd: path.dirname(bundle),
    env: {
      PATH: process.env.PATH,
      NODE_PATH: path.join(PROJECT_ROOT, 'node_modules'),
      NODE_OPTIONS: nodeOptions,
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TABLE_NAME: 'cold-import-table',
      BUCKET_NAME: 'cold-import-bucket',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  });
  const ms = Number(stdout.trim());
  if (!Number.isFinite(ms)) throw new Error(`could not time the import of ${bundle}: "${stdout}"`);
  return ms;
}
