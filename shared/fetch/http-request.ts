/**
 * One HTTP(S) exchange over node:http/https, connected to a pinned address, with the body read under a
 * byte cap while it streams. No connection reuse: a pooled socket must never carry a request for a host
 * whose address was checked separately.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from '../errors';
import type { ResolvedAddress } from './policy';
import { pinnedLookup } from './resolve';

/** Sends a GET to `url`, connecting only to `pinned`; resolves with the response head (body unread). */
export function openGet(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string>,
  signal: AbortSignal,
  tlsCa?: string,
): Promise<IncomingMessage> {
  const options = { method: 'GET', headers, signal, agent: false, lookup: pinnedLookup(pinned) } as const;
  return new Promise((resolve, reject) => {
    // The URL keeps the hostname, so TLS still sends it as SNI and verifies the certificate against it.
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, { ...options, ...(tlsCa && { ca: [...rootCertificates, tlsCa] }) })
        : httpRequest(url, options);
    req.on('response', resolve);
    req.on('error', (cause) => reject(networkError(url, cause, signal)));
    req.end();
  });
}

/** Maps a socket/stream failure to a FetchError; an abort of our deadline is a timeout. */
export function networkError(url: URL, cause: unknown, signal: AbortSignal): FetchError {
  if (cause instanceof FetchError) return cause;
  if (signal.aborted) {
    return new FetchError('timeout', `no complete response from ${url.href} within the time limit`, {
      cause,
    });
  }
  return new FetchError('network', `request to ${url.href} failed: ${(cause as Error).message}`, { cause });
}

function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/**
 * Reads the (decoded) body, destroying the response as soon as it passes `maxBytes` so an endless or huge
 * body costs at most `maxBytes` of memory.
 */
export function readCapped(
  res: IncomingMessage,
  url: URL,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const body = decoded(res);
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    // Destroying the response emits 'aborted'/'error' synchronously: settle first so the real cause wins.
    const fail = (err: FetchError) => {
      if (settled) return;
      settled = true;
      reject(err);
      res.destroy();
      body.destroy();
    };
    body.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        fail(new FetchError('too-large', `body of ${url.href} exceeds the ${maxBytes}-byte limit`));
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () => {
      settled = true;
      resolve(new Uint8Array(Buffer.concat(chunks, total)));
    });
    body.on('error', (cause) => fail(networkError(url, cause, signal)));
    res.on('aborted', () => fail(networkError(url, new Error('response aborted'), signal)));
    res.on('error', (cause) => fail(networkError(url, cause, signal)));
  });
}
