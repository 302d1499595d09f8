import { createHash } from 'node:crypto';
import { InvalidSourceError } from '../../../shared/errors';
import { parseSheet } from '../../../shared/index';
import { decodeSource } from '../../../shared/parse/decode';
import { formatBytes } from '../../../shared/parse/limits';

function rejection(run: () => unknown): InvalidSourceError {
  try {
    run();
  } catch (err) {
    if (err instanceof InvalidSourceError) return err;
    throw err;
  }
  throw new Error('expected an InvalidSourceError');
}

describe('decodeSource', () => {
  it('drops a UTF-8 BOM from bytes and from strings but hashes the bytes as received', () => {
    const withBom = Buffer.from('\uFEFFHello world. This is a sentence.', 'utf8');
    expect(decodeSource(withBom, 1000).text).toBe('Hello world. This is a sentence.');
    expect(decodeSource('\uFEFFHi there', 1000).text).toBe('Hi there');
    const sheet = parseSheet(withBom);
    expect(sheet.sourceHash).toBe(createHash('sha256').update(withBom).digest('hex'));
  });

  it('hashes a string as its UTF-8 bytes, so string and bytes of one document agree', () => {
    const text = 'Mali’s economy grew at five\u00a0percent.';
    expect(parseSheet(text).sourceHash).toBe(parseSheet(Buffer.from(text, 'utf8')).sourceHash);
  });

  it('refuses NUL bytes as binary', () => {
    const err = rejection(() => decodeSource(Uint8Array.from([0x48, 0x69, 0x00, 0x21]), 1000));
    expect(err.reason).toBe('binary');
    expect(err.message).toMatch(/binary file/);
    expect(rejection(() => decodeSource('a\0b', 1000)).reason).toBe('binary');
  });

  it('refuses bytes that are not UTF-8, keeping the decoder error as the cause', () => {
    const err = rejection(() => decodeSource(Uint8Array.from([0x48, 0xc3, 0x28, 0x41]), 1000));
    expect(err.reason).toBe('invalid-utf8');
    expect(err.message).toBe('The source is not valid UTF-8 text; save it as UTF-8 and upload it again.');
    // The decoder's TypeError comes from another realm under jest, so compare by name.
    expect((err.cause as Error).name).toBe('TypeError');
  });

  it('refuses strings with unpaired surrogates as invalid UTF-8', () => {
    expect(rejection(() => decodeSource('abc \uD800 def', 1000)).reason).toBe('invalid-utf8');
  });

  it('checks the size before decoding: an oversized undecodable upload is too-large, not invalid-utf8', () => {
    const bytes = new Uint8Array(3_250_000).fill(0xff);
    const err = rejection(() => parseSheet(bytes));
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('The source is 3.1 MB; the limit is 2 MB.');
  });

  it('applies a configured limit to strings by their UTF-8 size', () => {
    // 40 two-byte characters: 80 bytes against a 70-byte limit.
    const err = rejection(() => parseSheet('é'.repeat(40), { maxBytes: 70 }));
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('The source is 80 bytes; the limit is 70 bytes.');
  });

  it.each(['', '   ', '\n\n\t  \r\n', '\uFEFF', '\u00a0 \u00a0'])('refuses %j as empty', (source) => {
    const err = rejection(() => parseSheet(source));
    expect(err.reason).toBe('empty');
    expect(err.message).toMatch(/empty/);
  });
});

describe('formatBytes', () => {
  it.each([
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1536, '1.5 KB'],
    [2 * 1024 * 1024, '2 MB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
