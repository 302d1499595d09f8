/**
 * Lambda's asynchronous invocation, locally: the event is queued, the handler runs, a failure is retried
 * `retryAttempts` times with growing backoff, and an event that still fails is appended to a dead-letter
 * file (one JSON line: function, event, error, attempts) instead of being dropped.
 */
import { appendFile } from 'node:fs/promises';

export interface DeadLetter {
  at: string;
  function: string;
  attempts: number;
  error: { name: string; message: string };
  event: unknown;
}

export interface AsyncInvokerOptions<E> {
  /** Function name, written into dead letters and log lines. */
  name: string;
  handler: (event: E) => Promise<unknown>;
  /** Retries after the first attempt (Lambda: 2). */
  retryAttempts: number;
  /** Wait before retry `n` (1-based). Default 1 s, 2 s, 4 s… (Lambda waits minutes; locally seconds do). */
  backoffMs?: (retry: number) => number;
  deadLetterFile: string;
  /** Delay before the first attempt (`LOCAL_INGEST_DELAY_MS`: lets the e2e test crash mid-delivery). */
  deliveryDelayMs?: number;
  /** Handler runs in flight at once. */
  concurrency?: number;
  log?: (line: string) => void;
}

/** Queues events for one handler with retries and a dead-letter file. */
export class AsyncInvoker<E> {
  private readonly queue: E[] = [];
  private running = 0;
  private pending = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private sleepers = new Set<() => void>();

  constructor(private readonly options: AsyncInvokerOptions<E>) {}

  /** Accepts the event and returns at once, like `InvocationType: 'Event'`. */
  invoke(event: E): void {
    if (this.stopped) return;
    this.pending++;
    this.queue.push(event);
    this.pump();
  }

  /** Resolves once every accepted event has succeeded or been dead-lettered. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** True when every accepted event has succeeded or been dead-lettered (nothing queued or running). */
  isIdle(): boolean {
    return this.pending === 0;
  }

  /** Stops accepting and starting work; waits for handler runs already in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending -= this.queue.length;
    this.queue.length = 0;
    // Delays and backoffs end now; a handler already running is waited for.
    for (const wake of this.sleepers) wake();
    if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    while (this.running > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    while (!this.stopped && this.running < limit && this.queue.length > 0) {
      const event = this.queue.shift() as E;
      this.running++;
      this.deliver(event)
        .catch((err: unknown) =>
          this.options.log?.(`${this.options.name}: dead-letter write failed: ${String(err)}`),
        )
        .finally(() => {
          this.running--;
          this.pending--;
          if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
          this.pump();
        });
    }
  }

  /** A timer that stop() cuts short (the event stays in S3; the next start reconciles it). */
  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private async deliver(event: E): Promise<void> {
    if (this.options.deliveryDelayMs) await this.sleep(this.options.deliveryDelayMs);
    if (this.stopped) return;
    const backoff = this.options.backoffMs ?? ((retry: number) => 1000 * 2 ** (retry - 1));
    const attempts = 1 + this.options.retryAttempts;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (this.stopped) return;
      try {
        await this.options.handler(event);
        return;
      } catch (err) {
        lastError = err;
        this.options.log?.(
          `${this.options.name}: attempt ${attempt}/${attempts} failed: ${describe(err).message}`,
        );
        if (attempt < attempts) await this.sleep(backoff(attempt));
      }
    }
    if (this.stopped) return;
    const letter: DeadLetter = {
      at: new Date().toISOString(),
      function: this.options.name,
      attempts,
      error: describe(lastError),
      event,
    };
    await appendFile(this.options.deadLetterFile, `${JSON.stringify(letter)}\n`, 'utf8');
  }
}

function describe(err: unknown): { name: string; message: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message }
    : { name: 'Error', message: String(err) };
}
