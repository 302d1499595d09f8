/**
 * The topology's schedule targets, locally: one async invoker per target (retries, then the dead-letter
 * file, as EventBridge → Lambda does on AWS). A target with `input` gets exactly that payload; one without
 * gets an EventBridge scheduled event, as on AWS.
 */
import type { ReprocessStaleResult } from '../../shared/pipeline/reprocess-stale-invocation';
import type { FunctionName, ScheduleTarget } from '../../shared/topology';
import { AsyncInvoker } from './async-invoker';
import { scheduledEvent } from './schedule';

/** The rule name in local scheduled events (the AWS rule's logical id is RefreshSchedule). */
export const LOCAL_RULE_NAME = 'factsheets-refresh';

/** A bound handler; `never` so each keeps its own event type (the payload is the topology's to choose). */
export type ScheduledHandler = (event: never) => Promise<unknown>;

export interface ScheduleTargetsOptions {
  targets: readonly ScheduleTarget[];
  /** The in-process handler of each function a target names. */
  handlers: Partial<Record<FunctionName, ScheduledHandler>>;
  region: string;
  retryAttempts: number;
  backoffMs?: (retry: number) => number;
  deadLetterFile: string;
  log?: (line: string) => void;
  /** Called with each successful run's result (e.g. to report what reprocess-stale did). */
  onResult?: (target: ScheduleTarget, result: unknown) => void;
}

/** Invokes schedule targets asynchronously, each through its own invoker. */
export class ScheduleTargets {
  private readonly invokers: { target: ScheduleTarget; invoker: AsyncInvoker<unknown> }[];

  /** Throws when a target names a function that has no local handler (a topology/runtime mismatch). */
  constructor(private readonly options: ScheduleTargetsOptions) {
    this.invokers = options.targets.map((target) => {
      const handler = options.handlers[target.function];
      if (!handler) throw new Error(`schedule target ${target.function} has no local handler`);
      const invoker = new AsyncInvoker<unknown>({
        name: target.function,
        handler: async (event) => {
          const result = await handler(event as never);
          options.onResult?.(target, result);
          return result;
        },
        retryAttempts: options.retryAttempts,
        backoffMs: options.backoffMs,
        deadLetterFile: options.deadLetterFile,
        concurrency: 1,
        log: options.log,
      });
      return { target, invoker };
    });
  }

  /** One schedule run: every target, each with its payload. */
  fire(): void {
    for (const { target } of this.invokers) this.invoke(target);
  }

  /** Invokes one target (one of `targets`) now, outside the timer. */
  invoke(target: ScheduleTarget): void {
    const entry = this.invokers.find((e) => e.target === target);
    if (!entry) throw new Error(`not a schedule target: ${target.function}`);
    entry.invoker.invoke(target.input ?? scheduledEvent(LOCAL_RULE_NAME, this.options.region));
  }

  /** Resolves once every accepted run has finished or been dead-lettered. */
  isIdle(): boolean {
    return this.invokers.every((e) => e.invoker.isIdle());
  }

  async idle(): Promise<void> {
    await Promise.all(this.invokers.map((e) => e.invoker.idle()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.invokers.map((e) => e.invoker.stop()));
  }
}

/** True for what the ingest function returns for `{ type: 'reprocess-stale' }`. */
export function isReprocessStaleResult(result: unknown): result is ReprocessStaleResult {
  const r = result as Partial<ReprocessStaleResult> | null;
  return typeof r?.published === 'number' && typeof r.parserVersion === 'string';
}

/** The line the runtime prints after a reprocess-stale run, or null when it re-parsed nothing. */
export function reprocessedLine(result: ReprocessStaleResult): string | null {
  if (result.published === 0) return null;
  const sheets = result.published === 1 ? 'sheet' : 'sheets';
  return `Reprocessed ${result.published} ${sheets} with parser ${result.parserVersion}`;
}
