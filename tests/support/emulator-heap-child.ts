/**
 * Child process for the emulator memory test: runs the project's emulators (startEmulators, on a DATA_DIR
 * so dynalite uses LevelDB on disk, as `npm start` does), reports their endpoints, and answers each
 * message with its heap in use after full garbage collections. Run with `node --expose-gc --import tsx`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulators } from '../../infra/local/emulators';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('run with --expose-gc as a forked child');

startEmulators({ dataDir: mkdtempSync(join(tmpdir(), 'emulator-heap-')) }).then((emulators) => {
  process.send?.({ dynamoEndpoint: emulators.dynamoEndpoint });
  process.on('message', () => {
    gc();
    gc();
    process.send?.({ heapUsed: process.memoryUsage().heapUsed });
  });
  process.on('disconnect', () => void emulators.stop().finally(() => process.exit(0)));
});
