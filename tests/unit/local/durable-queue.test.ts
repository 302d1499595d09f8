/** The local notify queue: on-disk messages, retries with backoff, dead letters, resume after restart. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableQueue } from '../../../infra/local/durable-queue';
import type { BatchResult, QueueMessage } from '../../../shared/notify/queue-messages';

function setup(
  handler: (m: QueueMessage[]) => Promise<BatchResult>,
  maxReceiveCount = 3,
  concurrency?: number,
) {
  const root = mkdtempSync(join(tmpdir(), 'durable-queue-'));
  const logs: string[] = [];
  const make = () =>
    new DurableQueue({
      name: 'notify',
      dir: join(root, 'queue'),
      handler,
      maxReceiveCount,
      backoffMs: () => 5,
      deadLetterFile: join(root, 'dead-letter.jsonl'),
      log: (l) => logs.push(l),
      ...(concurrency !== undefined && { concurrency }),
    });
  return { root, logs, make };
}

describe('DurableQueue', () => {
  it('hands a message to the handler before send resolves, its first receive already on disk', async () => {
    const onDisk: unknown[] = [];
    const { root, make } = setup(async ([m]) => {
      onDisk.push(JSON.parse(readFileSync(join(root, 'queue', `${m!.messageId}.json`), 'utf8')));
      return { batchItemFailures: [] };
    });
    const queue = make();
    await queue.start();
    const id = await queue.send('{"n":1}');
    // No timer or poll tick in between: the consumer was woken by the send itself.
    expect(onDisk).toEqual([expect.objectContaining({ id, receiveCount: 1, body: '{"n":1}' })]);
    await queue.idle();
    expect(readdirSync(join(root, 'queue'))).toEqual([]);
  });

  it('a message sent while every slot is busy waits on disk, then is received once a slot frees', async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const { root, make } = setup(
      async ([m]) => {
        order.push(`${m!.body}#${m!.receiveCount}`);
        if (m!.body === 'first') await new Promise<void>((resolve) => (releaseFirst = resolve));
        return { batchItemFailures: [] };
      },
      3,
      1,
    );
    const queue = make();
    await queue.start();
    const second = await queue.send('first').then(() => queue.send('second'));
    expect(order).toEqual(['first#1']);
    const waiting = JSON.parse(readFileSync(join(root, 'queue', `${second}.json`), 'utf8'));
    expect(waiting).toMatchObject({ body: 'second', receiveCount: 0 });
    releaseFirst();
    await queue.idle();
    expect(order).toEqual(['first#1', 'second#1']);
  });

  it('retries a failing message with growing receive counts, then dead-letters it and removes its file', async () => {
    const counts: number[] = [];
    const { root, make } = setup(async ([m]) => {
      counts.push(m!.receiveCount);
      return { batchItemFailures: [{ itemIdentifier: m!.messageId }] };
    });
    const queue = make();
    await queue.start();
    await queue.send(JSON.stringify({ detail: { id: 'evt_1' } }));
    await queue.idle();
    expect(counts).toEqual([1, 2, 3]);
    const [letter] = readFileSync(join(root, 'dead-letter.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(letter).toMatchObject({ function: 'notify', attempts: 3, event: { detail: { id: 'evt_1' } } });
    expect(readdirSync(join(root, 'queue'))).toEqual([]);
  });

  it('a handler that throws counts as a failure; one that succeeds removes the message', async () => {
    let calls = 0;
    const { root, make } = setup(async () => {
      calls++;
      if (calls === 1) throw new Error('store down');
      return { batchItemFailures: [] };
    });
    const queue = make();
    await queue.start();
    await queue.send('{}');
    await queue.idle();
    expect(calls).toBe(2);
    expect(existsSync(join(root, 'dead-letter.jsonl'))).toBe(false);
    expect(readdirSync(join(root, 'queue'))).toEqual([]);
  });

  it('keeps pending messages across a stop and resumes them on the next start; an unreadable file stays put', async () => {
    let fail = true;
    const seen: number[] = [];
    const { root, logs, make } = setup(async ([m]) => {
      seen.push(m!.receiveCount);
      return { batchItemFailures: fail ? [{ itemIdentifier: m!.messageId }] : [] };
    }, 8);
    const first = make();
    await first.start();
    await first.send('{"n":1}');
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    const files = readdirSync(join(root, 'queue')).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    writeFileSync(join(root, 'queue', 'broken.json'), '{not json');

    fail = false;
    const second = make();
    expect(await second.start()).toBe(1);
    await second.idle();
    expect(seen.at(-1)).toBeGreaterThan(1);
    expect(readdirSync(join(root, 'queue'))).toEqual(['broken.json']);
    expect(logs.join('\n')).toMatch(/unreadable queued message broken\.json left in place/);
    await second.stop();
  });
});
