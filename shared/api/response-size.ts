/**
 * The size guard: Lambda returns at most 6 MB (6,291,456 bytes) synchronously; more becomes a 502 at API
 * Gateway. Bodies are measured as the proxy result carries them and held below 5.5 MB, leaving room for
 * the envelope.
 */
import { PayloadTooLargeError } from '../errors';

export const MAX_RESPONSE_BYTES = 5.5 * 1024 * 1024;

/**
 * Bytes `body` takes inside the JSON proxy result: UTF-8, plus one escape character for every `"` and `\`
 * (a JSON body is full of quotes), or base64 for a binary body. Control characters (`\u00XX`) do not occur
 * in what this API serves: JSON.stringify already escaped them.
 */
export function proxyBodyBytes(body: string | Uint8Array): number {
  if (typeof body !== 'string') return Math.ceil(body.byteLength / 3) * 4;
  // At most 3 UTF-8 bytes per UTF-16 unit (a `"` is 1 byte + 1 escape): a short body cannot exceed the
  // limit, so the common case skips the scan and reports that upper bound.
  if (body.length * 3 <= MAX_RESPONSE_BYTES) return body.length * 3;
  let escapes = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x22 || c === 0x5c) escapes++;
  }
  return Buffer.byteLength(body, 'utf8') + escapes;
}

/** Throws the 413 problem (with where to read instead) when `body` would not fit one Lambda response. */
export function assertFitsOneResponse(body: string | Uint8Array): void {
  const bytes = proxyBodyBytes(body);
  if (bytes > MAX_RESPONSE_BYTES) throw tooLarge(bytes);
}

function tooLarge(bytes: number): PayloadTooLargeError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new PayloadTooLargeError(
    `This response would be ${mb(bytes)} MB; one response carries at most ${mb(MAX_RESPONSE_BYTES)} MB. ` +
      'Read the sheet in parts: GET /sheets/{id} (metadata and section list, without the text), ' +
      '/sheets/{id}/sections/{sectionId} (one section) and /sheets/{id}/figures (filter by kind or ' +
      'sectionId); /sheets/{id}/diff gives what changed between revisions.',
  );
}
