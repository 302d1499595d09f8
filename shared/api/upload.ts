/**
 * Checks an uploaded source body before it is written to S3: content type (text/plain or text/html,
 * charset utf-8 only), size, and that the bytes are non-empty UTF-8 text. Everything the parser decides
 * (no recognizable content…) is left to ingest, which records it on the sheet.
 */
import { InvalidSourceError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';
import type { ContentType } from '../model';
import { type ApiRequest, header } from './http';

export const UPLOAD_CONTENT_TYPES: readonly ContentType[] = ['text/plain', 'text/html'];

/** The accepted content type of a `Content-Type` header value; throws UnsupportedMediaTypeError. */
export function uploadContentType(headerValue: string | undefined): ContentType {
  if (!headerValue) {
    throw new UnsupportedMediaTypeError('Content-Type is required: text/plain or text/html (charset=utf-8)');
  }
  const [mediaType = '', ...params] = headerValue.split(';').map((part) => part.trim());
  const type = UPLOAD_CONTENT_TYPES.find((t) => t === mediaType.toLowerCase());
  if (!type) {
    throw new UnsupportedMediaTypeError(
      `Content-Type ${mediaType || '(empty)'} is not text/plain or text/html`,
    );
  }
  for (const param of params) {
    const [name = '', value = ''] = param.split('=').map((s) => s.trim());
    if (name.toLowerCase() !== 'charset') continue;
    const charset = value.replace(/^"|"$/g, '').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      throw new UnsupportedMediaTypeError(`charset ${charset} is not supported: send UTF-8`);
    }
  }
  return type;
}

/** Throws PayloadTooLargeError / InvalidSourceError for a body that cannot be a source document. */
export function checkUploadBody(body: Uint8Array | undefined, maxBytes: number): Uint8Array {
  const bytes = body ?? new Uint8Array();
  if (bytes.byteLength > maxBytes) {
    throw new PayloadTooLargeError(`Body is ${bytes.byteLength} bytes; the limit is ${maxBytes}`);
  }
  if (bytes.byteLength === 0) throw new InvalidSourceError('empty', 'Body is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new InvalidSourceError('invalid-utf8', 'Body is not valid UTF-8', { cause: err });
  }
  if (text.includes('\u0000')) throw new InvalidSourceError('binary', 'Body contains NUL bytes: not text');
  if (text.trim() === '') throw new InvalidSourceError('empty', 'Body is only whitespace');
  return bytes;
}

/** The checked content type and bytes of an upload-shaped request (`PUT …/source`, `POST …/preview`). */
export function readUploadBody(
  request: ApiRequest,
  maxBytes: number,
): { contentType: ContentType; bytes: Uint8Array } {
  const contentType = uploadContentType(header(request, 'content-type'));
  return { contentType, bytes: checkUploadBody(request.body, maxBytes) };
}
