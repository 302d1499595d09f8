/**
 * One HTTP(S) POST connected to an already-checked address (see resolve.ts `pinnedLookup`), with a
 * deadline over the whole exchange and the response body read up to a small cap (only its status
 * matters). No connection reuse, as for GETs: a pooled socket must never carry a request for a host whose
 * address was checked separately.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { FetchError } from '../errors';
import type { ResolvedAddress } from './policy';
import { pinnedLookup } from './resolve';

export interface PostResult {
  status: number;
  /** The first bytes of the answer, for error messages. */
  bodyStart: string;
}

const BODY_CAP = 1024;

export function postPinned(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  const options = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    signal,
    agent: false,
    lookup: pinnedLookup(pinned),
  } as const;
  return new Promise((resolve, reject) => {
    const fail = (cause: unknown) =>
      reject(
        signal.aborted
          ? new FetchError('timeout', `${url.origin} did not answer within ${timeoutMs} ms`, { cause })
          : new FetchError('network', `POST to ${url.origin} failed: ${(cause as Error).message}`, { cause }),
      );
    const req = url.protocol === 'https:' ? httpsRequest(url, options) : httpRequest(url, options);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < BODY_CAP) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bodyStart: Buffer.concat(chunks).toString('utf8').slice(0, 200),
        }),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}
