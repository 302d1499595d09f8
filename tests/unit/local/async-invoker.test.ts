import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsyncInvoker, type DeadLetter } from '../../../infra/local/async-invoker';

const dlqFile = () => join(mkdtempSync(join(tmpdir(), 'dlq-')), 'dead-letter.jsonl');

describe('AsyncInvoker (Lambda async semantics)', () => {
  it('retries a failing event and succeeds without a dead letter', async () => {
    const file = dlqFile();
    let calls = 0;
    const invoker = new AsyncInvoker<{ n: number }>({
      name: 'ingest',
      handler: async () => {
        calls++;
        if (calls < 3) throw new Error('throttled');
      },
      retryAttempts: 2,
      backoffMs: () => 1,
      deadLetterFile: file,
    });
    invoker.invoke({ n: 1 });
    await invoker.idle();
    expect(calls).toBe(3);
    expect(existsSync(file)).toBe(false);
  });

  it('after 1 + 2 failed attempts appends the event and the error to the dead-letter file', async () => {
    const file = dlqFile();
    const attempts: number[] = [];
    const invoker = new AsyncInvoker<{ key: string }>({
      name: 'ingest',
      handler: async (event) => {
        attempts.push(attempts.length + 1);
        throw new TypeError(`cannot ingest ${event.key}`);
      },
      retryAttempts: 2,
      backoffMs: () => 1,
      deadLetterFile: file,
    });
    invoker.invoke({ key: 'sources/a.txt' });
    invoker.invoke({ key: 'sources/b.txt' });
    await invoker.idle();
    expect(attempts).toHaveLength(6);
    const letters = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as DeadLetter);
    expect(letters.map((l) => (l.event as { key: string }).key).sort()).toEqual([
      'sources/a.txt',
      'sources/b.txt',
    ]);
    expect(letters[0]).toMatchObject({ function: 'ingest', attempts: 3, error: { name: 'TypeError' } });
    expect(letters[0]!.error.message).toMatch(/^cannot ingest sources\/[ab]\.txt$/);
  });

  it('waits the backoff between attempts, growing with each retry', async () => {
    const asked: number[] = [];
    const invoker = new AsyncInvoker<number>({
      name: 'refresh',
      handler: async () => {
        throw new Error('down');
      },
      retryAttempts: 2,
      backoffMs: (retry) => {
        asked.push(retry);
        return 1;
      },
      deadLetterFile: dlqFile(),
    });
    invoker.invoke(1);
    await invoker.idle();
    expect(asked).toEqual([1, 2]);
  });

  it('runs at most `concurrency` handlers at once and idle() waits for all of them', async () => {
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    const invoker = new AsyncInvoker<number>({
      name: 'ingest',
      handler: async (n) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        done.push(n);
      },
      retryAttempts: 2,
      deadLetterFile: dlqFile(),
      concurrency: 2,
    });
    for (let i = 0; i < 7; i++) invoker.invoke(i);
    await invoker.idle();
    expect(peak).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('accepts nothing after stop()', async () => {
    const seen: number[] = [];
    const invoker = new AsyncInvoker<number>({
      name: 'ingest',
      handler: async (n) => {
        seen.push(n);
      },
      retryAttempts: 2,
      deadLetterFile: dlqFile(),
    });
    await invoker.stop();
    invoker.invoke(1);
    await invoker.idle();
    expect(seen).toEqual([]);
  });

  it('stop() cuts a delivery delay short without running the handler or writing a dead letter', async () => {
    const file = dlqFile();
    const seen: number[] = [];
    const invoker = new AsyncInvoker<number>({
      name: 'ingest',
      handler: async (n) => {
        seen.push(n);
      },
      retryAttempts: 2,
      deadLetterFile: file,
      deliveryDelayMs: 600_000,
      concurrency: 1,
    });
    invoker.invoke(1);
    invoker.invoke(2);
    await invoker.stop();
    await invoker.idle();
    expect(seen).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });
});
