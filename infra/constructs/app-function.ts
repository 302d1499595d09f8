import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../shared/observability';
import type { FunctionName, FunctionSpec } from '../../shared/topology';
import { PROJECT_ROOT } from './paths';

/** The one Node.js runtime every function uses; the esbuild target follows it. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;
const BUNDLE_TARGET = 'node24';

export interface AppFunctionProps {
  name: FunctionName;
  spec: FunctionSpec;
  /** Absolute path of the handler module; defaults to the topology entry under the project root. */
  entry?: string;
  /** Environment beyond the topology's and the resource bindings (e.g. ALLOWED_HOSTS from context). */
  environment?: Readonly<Record<string, string>>;
  logRetention?: logs.RetentionDays;
  /**
   * Files the handler reads at run time, relative to the project root; each is copied to the same relative
   * path in the asset (e.g. `node_modules/swagger-ui-dist/swagger-ui.css`, found by require.resolve).
   */
  runtimeFiles?: readonly string[];
  /** Shell commands run after bundling, given the project root and the asset directory (e.g. a build). */
  afterBundling?: (projectRoot: string, assetDir: string) => string[];
}

/**
 * Function defaults in one place: NodejsFunction on ARM_64 and the current Node.js runtime, esbuild
 * bundling (minified, source maps), an explicit log group with retention, and a role that can write only
 * to that log group. Resource access is added afterwards with `bindAccess`, never here.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // An own role instead of AWSLambdaBasicExecutionRole: that managed policy may write to every log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry ?? path.join(PROJECT_ROOT, spec.entry),
      handler: 'handler',
      description: spec.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      reservedConcurrentExecutions: spec.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: `factsheet-${props.name}`,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        // Stack traces point at the TypeScript source instead of minified columns.
        NODE_OPTIONS: '--enable-source-maps',
        ...spec.environment,
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        // The map without embedded sources keeps the asset small; line numbers are what matter in logs.
        sourcesContent: false,
        target: BUNDLE_TARGET,
        format: OutputFormat.CJS,
        // The Lambda runtime ships AWS SDK v3; bundling it would triple the api bundle.
        externalModules: ['@aws-sdk/*'],
        commandHooks: afterBundlingHook(props.runtimeFiles ?? [], props.afterBundling),
      },
    });
    // The role must be able to log before the function first runs.
    this.fn.node.addDependency(this.role);
  }
}

/** Bundling hook that copies run-time files into the asset (the bundle cannot carry them), then runs `extra`. */
function afterBundlingHook(
  files: readonly string[],
  extra: AppFunctionProps['afterBundling'],
): ICommandHooks | undefined {
  if (files.length === 0 && !extra) return undefined;
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      ...files.map((file) => {
        const target = path.posix.join(outputDir, path.posix.dirname(file));
        return `mkdir -p "${target}" && cp "${path.posix.join(inputDir, file)}" "${target}/"`;
      }),
      ...(extra?.(inputDir, outputDir) ?? []),
    ],
  };
}
