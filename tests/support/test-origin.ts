/**
 * A real HTTP origin on 127.0.0.1 for fetch and refresh tests: routes are plain node:http handlers; the
 * origin counts requests per path and the most requests it ever had in flight at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface TestOrigin {
  /** `http://127.0.0.1:PORT` */
  base: string;
  port: number;
  route(path: string, handler: RouteHandler): void;
  /** Requests received per path (query string included). */
  hits: Map<string, number>;
  /** Every request's headers, in arrival order. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  maxInFlight(): number;
  resetCounters(): void;
  close(): Promise<void>;
}

export async function startTestOrigin(): Promise<TestOrigin> {
  const routes = new Map<string, RouteHandler>();
  const hits = new Map<string, number>();
  const requests: TestOrigin['requests'] = [];
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push({ path, headers: req.headers });
    inFlight++;
    peak = Math.max(peak, inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
    const handler = routes.get(path.split('?')[0] ?? path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    void Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    route: (path, handler) => routes.set(path, handler),
    hits,
    requests,
    maxInFlight: () => peak,
    resetCounters: () => {
      hits.clear();
      requests.length = 0;
      peak = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
