/**
 * Every local listener except the API (public by design, with CORS) serves only the SDK and the runtime
 * itself, and none of them checks credentials the way AWS does: dynalite and the Lambda stand-in ignore
 * signatures, and s3rver accepts form POST uploads. Any web page open on the developer's machine could
 * write to them once it finds the port. The SDK never sends `Origin` or `Sec-Fetch-Site`; browsers send
 * `Origin` on every cross-origin write and `Sec-Fetch-Site` on every request, and preflight with OPTIONS
 * (Node's own fetch sends `Sec-Fetch-Mode` only, so scripts and tests using it are not browsers).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export const BROWSER_REFUSAL = 'Browser requests are refused by the local emulator\n';

/** True for a request a browser made (or a CORS preflight). */
export function isBrowserRequest(req: IncomingMessage): boolean {
  return (
    req.method === 'OPTIONS' ||
    req.headers.origin !== undefined ||
    req.headers['sec-fetch-site'] !== undefined
  );
}

/** Answers a browser request with 403 and returns true; otherwise does nothing and returns false. */
export function refuseBrowserRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (!isBrowserRequest(req)) return false;
  res.writeHead(403, { 'Content-Type': 'text/plain', Connection: 'close' }).end(BROWSER_REFUSAL);
  return true;
}

/** Puts the refusal in front of a server's existing request listeners (call before it listens). */
export function refuseBrowsers(server: Server): void {
  const handlers = server.listeners('request') as ((...args: unknown[]) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (refuseBrowserRequest(req, res)) return;
    for (const handler of handlers) handler.call(server, req, res);
  });
}

/** The same refusal as the first Koa middleware (s3rver is a Koa app that creates its server in run()). */
export function refuseBrowsersMiddleware() {
  return async (
    ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean },
    next: () => Promise<unknown>,
  ) => {
    if (isBrowserRequest(ctx.req)) {
      ctx.respond = false;
      refuseBrowserRequest(ctx.req, ctx.res);
      return;
    }
    await next();
  };
}
