/** Messages between the runtime and the emulator worker thread. */

export type WorkerOutbound =
  | { type: 'ready'; dynamoEndpoint: string; s3Endpoint: string }
  | { type: 's3-event'; event: unknown }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'stopped' }
  | { type: 'memory'; heapUsed: number };

/** `memory`: the worker's heap in use (after a full GC when the process runs with --expose-gc). */
export type WorkerInbound = { type: 'stop' } | { type: 'memory' };
