/**
 * dynalite turns every item of a BatchWriteItem into LevelDB operations on libuv's thread pool (four
 * threads, first come first served). A few large batches in flight — one revision's projection is six —
 * queue hundreds of operations, and a GetItem or Query arriving meanwhile waits behind all of them: a
 * client polling its upload, the api serving the sheet and the notify function's reads all waited for the
 * whole projection. DynamoDB serves them independently. So locally, BatchWriteItem requests are handled one
 * at a time while every other request goes straight through: a read waits for the batch in progress at
 * most. Batch writes lose nothing by it (dynalite applies their items one after another anyway).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

const BATCH_WRITE_TARGET = 'DynamoDB_20120810.BatchWriteItem';

/** Queues the server's BatchWriteItem requests behind each other (call before it listens). */
export function serializeBatchWrites(server: Server): void {
  const handlers = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  let previous: Promise<void> = Promise.resolve();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const serve = () => {
      for (const handler of handlers) handler.call(server, req, res);
    };
    if (req.headers['x-amz-target'] !== BATCH_WRITE_TARGET) return serve();
    // Listened for at once: a client that gives up while its batch waits closes it before its turn.
    const closed = new Promise<void>((done) => res.once('close', () => done()));
    // The request body waits in the paused stream until dynalite reads it.
    previous = previous.then(() => {
      if (res.destroyed || req.destroyed) return;
      try {
        serve();
      } catch {
        // Not answered: end it, so the next batch write is not held up for ever.
        res.destroy();
      }
      return closed;
    });
  });
}
