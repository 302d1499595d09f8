/**
 * The local stand-in for the EventBridge rule: every topology schedule target is invoked on each run with
 * its own payload, through an async invoker that retries and dead-letters like Lambda.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeadLetter } from '../../../infra/local/async-invoker';
import {
  isReprocessStaleResult,
  reprocessedLine,
  ScheduleTargets,
  type ScheduleTargetsOptions,
} from '../../../infra/local/schedule-targets';
import type { ReprocessStaleResult } from '../../../shared/pipeline/reprocess-stale-invocation';
import { schedule } from '../../../shared/topology';

const dlqFile = () => join(mkdtempSync(join(tmpdir(), 'schedule-dlq-')), 'dead-letter.jsonl');

function targets(overrides: Partial<ScheduleTargetsOptions> & Pick<ScheduleTargetsOptions, 'handlers'>) {
  return new ScheduleTargets({
    targets: schedule.targets,
    region: 'eu-west-1',
    retryAttempts: schedule.retryAttempts,
    backoffMs: () => 1,
    deadLetterFile: dlqFile(),
    ...overrides,
  });
}

const summary = (published: number): ReprocessStaleResult => ({
  total: 3,
  published,
  unchanged: 3 - published,
  rejected: 0,
  failed: [],
  parserVersion: '2.0.0',
});

describe('ScheduleTargets', () => {
  it('one run invokes every topology target: refresh with a scheduled event, ingest with its input', async () => {
    const received: Record<string, unknown[]> = { refresh: [], ingest: [] };
    const scheduled = targets({
      handlers: {
        refresh: async (event) => received.refresh?.push(event),
        ingest: async (event) => received.ingest?.push(event),
      },
    });
    scheduled.fire();
    await scheduled.idle();
    expect(received.ingest).toEqual([{ type: 'reprocess-stale' }]);
    expect(received.refresh).toEqual([
      expect.objectContaining({
        source: 'aws.events',
        'detail-type': 'Scheduled Event',
        region: 'eu-west-1',
      }),
    ]);
  });

  it('a failing target is retried, then dead-lettered with its payload; the other target still runs', async () => {
    const file = dlqFile();
    let ingestCalls = 0;
    let refreshCalls = 0;
    const scheduled = targets({
      deadLetterFile: file,
      handlers: {
        refresh: async () => {
          refreshCalls++;
        },
        ingest: async () => {
          ingestCalls++;
          throw new Error('table is gone');
        },
      },
    });
    scheduled.fire();
    await scheduled.idle();
    expect(refreshCalls).toBe(1);
    expect(ingestCalls).toBe(1 + schedule.retryAttempts);
    const letters = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DeadLetter);
    expect(letters).toEqual([
      expect.objectContaining({
        function: 'ingest',
        attempts: 1 + schedule.retryAttempts,
        error: { name: 'Error', message: 'table is gone' },
        event: { type: 'reprocess-stale' },
      }),
    ]);
  });

  it('invoke() runs one target alone and reports its result', async () => {
    const results: unknown[] = [];
    let refreshCalls = 0;
    const file = dlqFile();
    const scheduled = targets({
      deadLetterFile: file,
      handlers: {
        refresh: async () => {
          refreshCalls++;
        },
        ingest: async () => summary(2),
      },
      onResult: (target, result) => results.push([target.function, result]),
    });
    const stale = schedule.targets.find((t) => t.function === 'ingest');
    scheduled.invoke(stale!);
    await scheduled.idle();
    expect(refreshCalls).toBe(0);
    expect(results).toEqual([['ingest', summary(2)]]);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a target whose function has no local handler', () => {
    expect(() => targets({ handlers: { refresh: async () => undefined } })).toThrow(
      /schedule target ingest has no local handler/,
    );
  });

  it('refuses to invoke something that is not one of its targets', () => {
    const scheduled = targets({ handlers: { refresh: async () => 1, ingest: async () => 1 } });
    expect(() => scheduled.invoke({ function: 'ingest', input: { type: 'reprocess-stale' } })).toThrow(
      /not a schedule target/,
    );
  });
});

describe('reprocessedLine', () => {
  it.each([
    [0, null],
    [1, 'Reprocessed 1 sheet with parser 2.0.0'],
    [3, 'Reprocessed 3 sheets with parser 2.0.0'],
  ])('%d published → %p', (published, line) => {
    expect(reprocessedLine(summary(published))).toBe(line);
  });

  it('recognizes a reprocess-stale result and nothing else', () => {
    expect(isReprocessStaleResult(summary(1))).toBe(true);
    expect(isReprocessStaleResult({ checked: 2 })).toBe(false);
    expect(isReprocessStaleResult(undefined)).toBe(false);
  });
});
