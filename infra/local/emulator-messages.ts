/** Messages between the runtime and the emulator worker thread. */

export type WorkerOutbound =
  | { type: 'ready'; dynamoEndpoint: string; s3Endpoint: string }
  | { type: 's3-event'; event: unknown }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'stopped' };

export type WorkerInbound = { type: 'stop' };
