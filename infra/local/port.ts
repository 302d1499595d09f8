/** Fails fast, before the emulators start, when PORT is taken. */
import { createServer } from 'node:net';
import { PortInUseError } from './errors';

export function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' || err.code === 'EACCES' ? new PortInUseError(port) : err),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
