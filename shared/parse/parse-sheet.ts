import { InvalidSourceError } from '../errors';
import { extractFigures } from '../figures';
import type { ContentType, ParsedSheet, ParseOptions } from '../model';
import { assembleSections } from './assemble';
import { decodeSource } from './decode';
import { detectContentType } from './detect';
import { sha256Hex } from './hash';
import { readHtml } from './html/html-sheet';
import { DEFAULT_MAX_BYTES } from './limits';
import { findCountry, stripFrame } from './sheet-frame';
import { slugify } from './slug';
import { readPlainText } from './text/plain-text';
import { PARSER_VERSION } from './version';

const SHEET_ID = /^[a-z0-9-]{1,64}$/;
const CONTENT_TYPES: readonly ContentType[] = ['text/plain', 'text/html'];

/**
 * Parses a fact sheet (plain text or state.gov HTML, detected when `options.contentType` is absent) into
 * the {@link ParsedSheet} contract: normalized text, sections, figures and header metadata. Pure and
 * synchronous. Throws only {@link InvalidSourceError} (empty, binary, invalid-utf8, too-large, too-deep,
 * no-content, bad-id, unsupported-type), each with a message an editor can act on.
 */
export function parseSheet(source: string | Uint8Array, options: ParseOptions = {}): ParsedSheet {
  const contentType = checkContentType(options.contentType);
  if (options.id !== undefined && !SHEET_ID.test(options.id)) {
    throw new InvalidSourceError(
      'bad-id',
      `The sheet id "${options.id}" must be 1–64 characters of a-z, 0-9 and -.`,
    );
  }
  const { bytes, text: decoded } = decodeSource(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const type = contentType ?? detectContentType(decoded);
  const extracted = type === 'text/html' ? readHtml(decoded) : readPlainText(decoded);
  const { header, body } = stripFrame(extracted.blocks, extracted);
  const { text, sections } = assembleSections(body);
  if (sections.length === 0 || text.trim() === '') {
    throw new InvalidSourceError(
      'no-content',
      type === 'text/html'
        ? 'The HTML has no body text: no paragraphs, headings or lists were found outside the page chrome.'
        : 'The text has no recognizable content: only header or site-furniture lines were found.',
    );
  }
  const sourceHash = sha256Hex(bytes);
  return {
    id: options.id ?? defaultId(header.title, sourceHash),
    title: header.title,
    country: findCountry(
      header.title,
      text,
      sections.map((s) => s.heading),
    ),
    bureau: header.bureau,
    publishedOn: header.publishedOn,
    parserVersion: PARSER_VERSION,
    sourceHash,
    contentType: type,
    text,
    sections,
    figures: extractFigures(text, sections),
  };
}

function checkContentType(value: string | undefined): ContentType | undefined {
  if (value === undefined || (CONTENT_TYPES as readonly string[]).includes(value)) {
    return value as ContentType | undefined;
  }
  throw new InvalidSourceError(
    'unsupported-type',
    `The content type "${value}" is not supported; use text/plain or text/html.`,
  );
}

/** The title's slug ("u-s-relations-with-mali"), else a name derived from the content hash. */
function defaultId(title: string | null, sourceHash: string): string {
  const slug = title === null ? '' : slugify(title).slice(0, 64).replace(/-+$/u, '');
  return SHEET_ID.test(slug) && slug !== 'section' ? slug : `sheet-${sourceHash.slice(0, 12)}`;
}
