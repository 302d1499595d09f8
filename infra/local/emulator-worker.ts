/**
 * Worker-thread entry: runs dynalite and s3rver away from the thread that serves HTTP and runs handlers, so
 * emulator work (LevelDB, file I/O, XML) never stalls API requests. Talks to emulator-host.ts by messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInbound, WorkerOutbound } from './emulator-messages';
import { startEmulators } from './emulators';

const port = parentPort;
if (!port) throw new Error('emulator-worker.ts must run in a worker thread');
const post = (message: WorkerOutbound) => port.postMessage(message);

async function main(): Promise<void> {
  const { dataDir } = workerData as { dataDir: string };
  const emulators = await startEmulators({ dataDir });
  emulators.s3Events.on('event', (event: unknown) => post({ type: 's3-event', event }));
  port!.on('message', (message: WorkerInbound) => {
    if (message.type === 'memory') {
      (globalThis as { gc?: () => void }).gc?.();
      post({ type: 'memory', heapUsed: process.memoryUsage().heapUsed });
      return;
    }
    if (message.type !== 'stop') return;
    emulators
      .stop()
      .catch(() => undefined)
      .finally(() => {
        post({ type: 'stopped' });
        port!.close();
      });
  });
  post({ type: 'ready', dynamoEndpoint: emulators.dynamoEndpoint, s3Endpoint: emulators.s3Endpoint });
}

main().catch((err: unknown) => {
  const error = err as NodeJS.ErrnoException;
  post({ type: 'failed', message: error?.message ?? String(err), code: error?.code });
  port.close();
});
