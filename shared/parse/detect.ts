import type { ContentType } from '../model';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;
const BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|li|table|article|section|body|head|main|br)(?:\s[^<>]*)?\/?>/i;

/**
 * Guesses the content type of decoded text: a document that starts like HTML or holds block-level tags is
 * `text/html`; anything else is `text/plain`. Only the first 64 KB are examined.
 */
export function detectContentType(text: string): ContentType {
  const head = text.length > 65_536 ? text.slice(0, 65_536) : text;
  return HTML_START.test(head) || BLOCK_TAG.test(head) ? 'text/html' : 'text/plain';
}
