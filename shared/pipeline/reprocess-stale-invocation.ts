/**
 * The ingest function's scheduled invocation `{ type: 'reprocess-stale' }`: re-parse every sheet whose
 * stored parser version is not the running one, so a new parser version reaches every sheet without anyone
 * asking. The topology's schedule sends it (EventBridge on AWS, the local runtime's timer and start-up).
 */
import * as z from 'zod/mini';
import { ValidationError } from '../errors';
import type { PipelineDeps } from './deps';
import { describeIssues } from './invocation-issues';
import { type ReprocessAllSummary, reprocessAll } from './reprocess';

export const REPROCESS_STALE_TYPE = 'reprocess-stale';

export const ReprocessStaleInvocationSchema = z.strictObject({
  type: z.literal(REPROCESS_STALE_TYPE, { error: `must be "${REPROCESS_STALE_TYPE}"` }),
});

export type ReprocessStaleInvocation = z.infer<typeof ReprocessStaleInvocationSchema>;

/** `reprocessAll`'s summary plus the parser version the run brought the sheets to. */
export interface ReprocessStaleResult extends ReprocessAllSummary {
  parserVersion: string;
}

/** Sheets reprocessed at once: enough to overlap DynamoDB and S3 round trips, few enough to stay polite. */
export const REPROCESS_STALE_CONCURRENCY = 4;

/** True for a direct invocation whose `type` names this one (its other fields are checked later). */
export function isReprocessStaleInvocation(event: { type: unknown }): boolean {
  return event.type === REPROCESS_STALE_TYPE;
}

/** Checks the payload; throws ValidationError naming what is wrong. */
export function parseReprocessStaleInvocation(event: unknown): ReprocessStaleInvocation {
  const parsed = ReprocessStaleInvocationSchema.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError(
      `not a reprocess-stale invocation: ${describeIssues(parsed.error.issues)}`,
      'event',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/**
 * Reprocesses every stale sheet, WITHOUT force: a sheet already on the running parser costs its META read
 * and nothing else. A failing sheet is in `failed` and the others go on; the run itself throws only when
 * the sheet list cannot be read, or the payload is malformed. Both are thrown rather than returned because
 * the schedule invokes asynchronously: nobody reads a returned refusal, but a throw is retried and then
 * dead-lettered, where an alarm sees it.
 */
export async function runReprocessStaleInvocation(
  deps: PipelineDeps,
  event: unknown,
): Promise<ReprocessStaleResult> {
  parseReprocessStaleInvocation(event);
  const summary = await reprocessAll(deps, { concurrency: REPROCESS_STALE_CONCURRENCY });
  deps.metrics.count('SheetsReprocessed', summary.published);
  const fields = {
    parserVersion: deps.parserVersion,
    total: summary.total,
    published: summary.published,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    failed: summary.failed.length,
    failedIds: summary.failed.map((f) => f.id),
  };
  if (summary.failed.length > 0) deps.logger.warn('stale sheets reprocessed, some failed', fields);
  else deps.logger.info('stale sheets reprocessed', fields);
  return { ...summary, parserVersion: deps.parserVersion };
}
