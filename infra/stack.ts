import * as path from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import {
  type FunctionName,
  type FunctionSpec,
  functions,
  notifyQueue,
  routes,
  s3Trigger,
  schedule,
} from '../shared/topology';
import { PipelineAlarms } from './constructs/alarms';
import { AppFunction } from './constructs/app-function';
import { bindAccess } from './constructs/bind-access';
import { DataStores } from './constructs/data-stores';
import { IngestTrigger } from './constructs/ingest-trigger';
import { EventBusResources, NotifyPipeline } from './constructs/notifications';
import { parseRate } from './constructs/rate';
import { FactSheetApi } from './constructs/rest-api';

/**
 * What `shared/api/docs.ts` reads from `swagger-ui-dist` at run time (through require.resolve), shipped
 * beside the api bundle so /docs works on Lambda as it does locally.
 */
export const API_DOCS_FILES = [
  'package.json',
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
].map((file) => `node_modules/swagger-ui-dist/${file}`);

/**
 * The console's hashed files and manifest, built into `console/` of the api asset, where
 * shared/api/console-files.ts reads them (esbuild runs locally at bundling time: synth stays offline).
 */
export function buildConsoleCommands(projectRoot: string, assetDir: string): string[] {
  return [
    `cd "${projectRoot}" && "${process.execPath}" --import tsx scripts/build-console.ts "${path.posix.join(assetDir, 'console')}"`,
  ];
}

export interface FactSheetStackProps extends StackProps {
  /** EventBridge rate of the schedule (refresh, reprocess-stale), e.g. `12 hours`; defaults to `topology.schedule.rate`. */
  refreshRate?: string;
  /**
   * Extra hosts (comma-separated) the functions that fetch (topology `access.fetch`: api and refresh) may
   * fetch from, passed to them as ALLOWED_HOSTS.
   */
  allowedHosts?: string;
  /** Where each handler module is; tests point this at a stub so they never need the real handlers. */
  resolveEntry?: (name: FunctionName, spec: FunctionSpec) => string;
}

/**
 * The AWS target, built entirely from `shared/topology.ts` and `shared/store/table-definition.ts`:
 * data stores, one function per topology entry with its bound access, the S3 trigger with its DLQ, the
 * REST API, the schedule (refresh + reprocess-stale), alarms and outputs.
 */
export class FactSheetStack extends Stack {
  readonly stores: DataStores;
  readonly functions: Readonly<Record<FunctionName, NodejsFunction>>;
  readonly trigger: IngestTrigger;
  readonly api: FactSheetApi;
  readonly refreshRule: events.Rule;
  readonly alarms: PipelineAlarms;
  readonly eventBus: EventBusResources;
  readonly notify: NotifyPipeline;

  constructor(scope: Construct, id: string, props: FactSheetStackProps = {}) {
    super(scope, id, props);
    this.stores = new DataStores(this, 'Data');
    this.eventBus = new EventBusResources(this, 'Events');

    const built = {} as Record<FunctionName, NodejsFunction>;
    for (const [name, spec] of Object.entries(functions) as [FunctionName, FunctionSpec][]) {
      const fn = new AppFunction(this, pascal(name), {
        name,
        spec,
        entry: props.resolveEntry?.(name, spec),
        runtimeFiles: name === 'api' ? API_DOCS_FILES : undefined,
        afterBundling: name === 'api' ? buildConsoleCommands : undefined,
      }).fn;
      built[name] = fn;
    }
    // Bound after all are built: an access may name another function (the api invokes ingest).
    for (const [name, spec] of Object.entries(functions) as [FunctionName, FunctionSpec][]) {
      bindAccess(built[name], spec.access, {
        ...this.stores,
        functions: built,
        allowedHosts: props.allowedHosts,
        eventBus: this.eventBus.bus,
        webhookKey: this.eventBus.webhookKey,
      });
    }
    this.functions = built;
    this.notify = new NotifyPipeline(this, 'Notifications', {
      bus: this.eventBus.bus,
      notify: built[notifyQueue.function],
    });

    this.trigger = new IngestTrigger(this, 'IngestTrigger', {
      bucket: this.stores.bucket,
      ingest: built[s3Trigger.function],
    });
    this.api = new FactSheetApi(this, 'Http', {
      routes,
      handler: built.api,
      authorizer: built.authorizer,
    });
    // Logical id kept from when refresh was the only target, so existing stacks update the rule in place.
    this.refreshRule = new events.Rule(this, 'RefreshSchedule', {
      description: 'Refreshes sources and reprocesses sheets parsed by an older parser version',
      schedule: events.Schedule.rate(parseRate(props.refreshRate ?? schedule.rate)),
      targets: schedule.targets.map(
        (target) =>
          new targets.LambdaFunction(built[target.function], {
            event: target.input ? events.RuleTargetInput.fromObject(target.input) : undefined,
            retryAttempts: schedule.retryAttempts,
            maxEventAge: Duration.seconds(schedule.maxEventAgeSeconds),
            deadLetterQueue: this.trigger.deadLetterQueue,
          }),
      ),
    });
    this.alarms = new PipelineAlarms(this, 'Alarms', {
      deadLetterQueue: this.trigger.deadLetterQueue,
      ingest: built[s3Trigger.function],
      api: this.api.api,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url, description: 'Base URL for `--api`' });
    new CfnOutput(this, 'BucketName', { value: this.stores.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.stores.table.tableName });
    new CfnOutput(this, 'EventBusName', {
      value: this.eventBus.bus.eventBusName,
      description:
        'Add your own rules (source factsheet.pipeline) to route events to SNS, SQS, Step Functions',
    });
  }
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
