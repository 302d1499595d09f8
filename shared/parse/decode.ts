import { InvalidSourceError } from '../errors';
import { formatBytes } from './limits';

/** A source as bytes (what gets hashed) and as text (what gets parsed, BOM dropped). */
export interface DecodedSource {
  bytes: Uint8Array;
  text: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Turns a string or bytes into checked text. The size is checked before anything is decoded, so an
 * oversized upload costs nothing. Throws {@link InvalidSourceError} with reason `too-large`, `binary`,
 * `invalid-utf8` or `empty`.
 */
export function decodeSource(source: string | Uint8Array, maxBytes: number): DecodedSource {
  const size = typeof source === 'string' ? Buffer.byteLength(source, 'utf8') : source.byteLength;
  if (size > maxBytes) {
    throw new InvalidSourceError(
      'too-large',
      `The source is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}.`,
    );
  }
  const { bytes, text } = typeof source === 'string' ? fromString(source) : fromBytes(source);
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (withoutBom.trim() === '') {
    throw new InvalidSourceError('empty', 'The source is empty: it holds no text, only whitespace.');
  }
  return { bytes, text: withoutBom };
}

function fromString(source: string): DecodedSource {
  if (source.includes('\0')) throw binary();
  if (LONE_SURROGATE.test(source)) {
    throw new InvalidSourceError(
      'invalid-utf8',
      'The source text holds unpaired surrogate characters, so it cannot be encoded as UTF-8.',
    );
  }
  return { bytes: Buffer.from(source, 'utf8'), text: source };
}

function fromBytes(bytes: Uint8Array): DecodedSource {
  if (bytes.includes(0)) throw binary();
  try {
    return { bytes, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch (cause) {
    throw new InvalidSourceError(
      'invalid-utf8',
      'The source is not valid UTF-8 text; save it as UTF-8 and upload it again.',
      { cause },
    );
  }
}

function binary(): InvalidSourceError {
  return new InvalidSourceError(
    'binary',
    'The source looks like a binary file (it contains NUL bytes), not a text or HTML fact sheet.',
  );
}
