/**
 * Puts a local stand-in server (Lambda Invoke, PutEvents) on 127.0.0.1 and hands back its URL and a close
 * that also drops kept-alive SDK connections, so a runtime stop never waits on an idle socket.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (`port` 0: any free port); rejects with the listen error (e.g. EADDRINUSE). */
export async function listenOnLoopback(server: Server, port = 0): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
