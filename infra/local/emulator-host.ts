/**
 * Starts the emulators in a worker thread (emulator-worker.ts) and exposes the same shape as
 * `startEmulators`: endpoints, s3rver's raw object events, stop.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerInbound, WorkerOutbound } from './emulator-messages';
import type { Emulators } from './emulators';
import { LocalRuntimeError } from './errors';

/** The emulators could not start on this DATA_DIR (unreadable LevelDB, a file where a folder should be…). */
export class EmulatorStartError extends LocalRuntimeError {
  override readonly code = 'emulator-start';
  constructor(
    message: string,
    readonly errno?: string,
  ) {
    super(
      `the emulators (dynalite on DATA_DIR/dynamodb, s3rver on DATA_DIR/s3) could not start: ${message}; nothing was changed: check that DATA_DIR is readable and writable, or start with another DATA_DIR`,
    );
  }
}

/** The emulator worker died after start-up finished: not a start failure, and often memory. */
export class EmulatorCrashError extends LocalRuntimeError {
  override readonly code = 'emulator-crash';
  constructor(
    message: string,
    readonly errno?: string,
  ) {
    const hint =
      errno === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap/i.test(message)
        ? 'it ran out of memory: give Node more heap (NODE_OPTIONS=--max-old-space-size=…) and start again'
        : 'start again; if it recurs, report it with DATA_DIR/dead-letter.jsonl and this line';
    super(`the emulators (dynalite, s3rver) stopped while running: ${message}; ${hint}`);
  }
}

/**
 * Runs dynalite + s3rver with their data under `dataDir`, off the calling thread. `onCrash` hears about the
 * worker dying after it was ready (before that, the returned promise rejects).
 */
export function startEmulatorWorker(
  dataDir: string,
  onCrash: (err: EmulatorCrashError) => void = () => undefined,
): Promise<Emulators> {
  // The worker entry is TypeScript: register tsx's require hook inside the worker before loading it.
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'emulator-worker.ts'))});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { dataDir } });
  const s3Events = new EventEmitter();
  let stopped: Promise<void> | undefined;

  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'stop' } satisfies WorkerInbound);
    });
    return stopped;
  };

  const memoryWaiters: ((heapUsed: number) => void)[] = [];
  const heapUsed = () =>
    new Promise<number>((done) => {
      memoryWaiters.push(done);
      worker.postMessage({ type: 'memory' } satisfies WorkerInbound);
    });

  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (message: string, errno?: string) => {
      void worker.terminate();
      if (ready) onCrash(new EmulatorCrashError(message, errno));
      else reject(new EmulatorStartError(message, errno));
    };
    let failed = false;
    const failOnce = (message: string, errno?: string) => {
      if (failed) return;
      failed = true;
      fail(message, errno);
    };
    worker.on('error', (err) => failOnce(err.message, (err as NodeJS.ErrnoException).code));
    worker.on('exit', (code) => {
      if (!stopped) failOnce(`emulator worker exited with code ${code}`);
    });
    worker.on('message', (message: WorkerOutbound) => {
      switch (message.type) {
        case 'ready':
          ready = true;
          resolve({
            dynamoEndpoint: message.dynamoEndpoint,
            s3Endpoint: message.s3Endpoint,
            s3Events,
            heapUsed,
            stop,
          });
          break;
        case 'memory':
          for (const waiter of memoryWaiters.splice(0)) waiter(message.heapUsed);
          break;
        case 's3-event':
          s3Events.emit('event', message.event);
          break;
        case 'failed':
          failOnce(message.message, message.code);
          break;
        default:
          break;
      }
    });
  });
}
