/** Parses a JSON request body: application/json only, valid UTF-8 JSON, else a clear 4xx. */
import { UnsupportedMediaTypeError, ValidationError } from '../errors';
import type { ApiRequest } from './http';

export function parseJsonBody(request: ApiRequest, contentType: string | undefined): unknown {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new UnsupportedMediaTypeError('Content-Type must be application/json');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(request.body ?? new Uint8Array());
    return JSON.parse(text);
  } catch {
    throw new ValidationError('Body is not valid UTF-8 JSON', 'body');
  }
}
