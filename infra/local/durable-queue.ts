/**
 * The notify queue, locally: SQS semantics on files. Each message is one JSON file under its folder,
 * written (atomically: temp file + rename) before `send` resolves, removed only when the handler
 * succeeded or the message was dead-lettered. A failed message waits `backoffMs(receiveCount)` and is
 * received again, at most `maxReceiveCount` times, then it is appended to the dead-letter file. Receive
 * counts and due times are on disk, so a runtime that is killed resumes every pending message on start.
 * Nothing polls: a message is handed to the handler as soon as it is on disk and a slot is free, or when
 * its backoff timer fires.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchResult, QueueMessage } from '../../shared/notify/queue-messages';

interface StoredMessage {
  id: string;
  body: string;
  receiveCount: number;
  /** Epoch ms before which the message is not handed out. */
  visibleAt: number;
  sentAt: string;
}

export interface DurableQueueOptions {
  name: string;
  dir: string;
  handler: (messages: QueueMessage[]) => Promise<BatchResult>;
  maxReceiveCount: number;
  backoffMs: (receiveCount: number) => number;
  deadLetterFile: string;
  concurrency?: number;
  log?: (line: string) => void;
}

export class DurableQueue {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly ready: StoredMessage[] = [];
  private running = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: DurableQueueOptions) {}

  /** Loads the messages a previous run left and schedules each at its due time. Returns how many. */
  async start(): Promise<number> {
    await mkdir(this.options.dir, { recursive: true });
    let loaded = 0;
    for (const file of await readdir(this.options.dir)) {
      if (!file.endsWith('.json')) continue;
      try {
        const message = JSON.parse(await readFile(join(this.options.dir, file), 'utf8')) as StoredMessage;
        this.messages.set(message.id, message);
        this.schedule(message);
        loaded++;
      } catch (err) {
        this.options.log?.(
          `${this.options.name}: unreadable queued message ${file} left in place: ${String(err)}`,
        );
      }
    }
    return loaded;
  }

  /**
   * Resolves once the message is on disk (what PutEvents answering means). When a slot is free the
   * message is written once, already counting its first receive, and the handler is called before this
   * resolves: a crash after that write counts one receive too many, never one too few.
   */
  async send(body: string): Promise<string> {
    const claimed = !this.stopped && this.running < this.limit && this.ready.length === 0;
    const message: StoredMessage = {
      id: randomUUID(),
      body,
      receiveCount: claimed ? 1 : 0,
      visibleAt: Date.now(),
      sentAt: new Date().toISOString(),
    };
    if (claimed) this.running++;
    try {
      await this.persist(message);
    } catch (err) {
      if (claimed) this.release();
      throw err;
    }
    this.messages.set(message.id, message);
    if (!claimed) this.schedule(message);
    else if (this.stopped) this.release();
    else this.run(message, { counted: true });
    return message.id;
  }

  get size(): number {
    return this.messages.size;
  }

  /** Resolves when no message is queued, waiting or in flight. */
  idle(): Promise<void> {
    if (this.messages.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops handing out messages; what is pending stays on disk for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.ready.length = 0;
    while (this.running > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private file(id: string): string {
    return join(this.options.dir, `${id}.json`);
  }

  private async persist(message: StoredMessage): Promise<void> {
    const temp = `${this.file(message.id)}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(message), 'utf8');
    await rename(temp, this.file(message.id));
  }

  private schedule(message: StoredMessage): void {
    if (this.stopped) return;
    const wait = Math.max(0, message.visibleAt - Date.now());
    if (wait === 0) {
      this.ready.push(message);
      this.pump();
      return;
    }
    this.timers.set(
      message.id,
      setTimeout(() => {
        this.timers.delete(message.id);
        this.ready.push(message);
        this.pump();
      }, wait),
    );
  }

  private get limit(): number {
    return this.options.concurrency ?? 4;
  }

  private pump(): void {
    while (!this.stopped && this.running < this.limit && this.ready.length > 0) {
      const message = this.ready.shift() as StoredMessage;
      this.running++;
      this.run(message, { counted: false });
    }
  }

  /** Receives a message in the slot already taken for it (`running` counts it). */
  private run(message: StoredMessage, { counted }: { counted: boolean }): void {
    this.receive(message, counted)
      .catch((err: unknown) => this.options.log?.(`${this.options.name}: queue write failed: ${String(err)}`))
      .finally(() => this.release());
  }

  private release(): void {
    this.running--;
    if (this.messages.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.pump();
  }

  /** `counted`: this receive is on disk already (send wrote the message with it). */
  private async receive(message: StoredMessage, counted: boolean): Promise<void> {
    if (!counted) {
      message.receiveCount++;
      // Counted on disk before the handler runs: a crash mid-delivery still used up this receive.
      await this.persist(message);
    }
    let failed: boolean;
    let error = 'deliveries still failing';
    try {
      const result = await this.options.handler([
        { messageId: message.id, body: message.body, receiveCount: message.receiveCount },
      ]);
      failed = result.batchItemFailures.some((f) => f.itemIdentifier === message.id);
    } catch (err) {
      failed = true;
      error = err instanceof Error ? err.message : String(err);
    }
    if (!failed) return this.remove(message);
    if (this.stopped) return;
    if (message.receiveCount >= this.options.maxReceiveCount) {
      const letter = {
        at: new Date().toISOString(),
        function: this.options.name,
        attempts: message.receiveCount,
        error: { name: 'DeliveryFailed', message: error },
        event: JSON.parse(message.body) as unknown,
      };
      await appendFile(this.options.deadLetterFile, `${JSON.stringify(letter)}\n`, 'utf8');
      this.options.log?.(
        `${this.options.name}: message ${message.id} dead-lettered after ${message.receiveCount} receives`,
      );
      return this.remove(message);
    }
    message.visibleAt = Date.now() + this.options.backoffMs(message.receiveCount);
    await this.persist(message);
    this.schedule(message);
  }

  private async remove(message: StoredMessage): Promise<void> {
    await rm(this.file(message.id), { force: true });
    this.messages.delete(message.id);
  }
}
