import fc from 'fast-check';
import { InvalidSourceError } from '../../../shared/errors';
import { type ContentType, type ParsedSheet, parseSheet } from '../../../shared/index';
import { fixtureText } from '../../support/fixtures';

const SEED_TEXT = fixtureText('mali.txt');
const SEED_HTML = fixtureText('mali.html');
const RUNS = { numRuns: 150 };

/** Parses, allowing only the typed source error; returns null when the source was refused. */
function parseOrRefuse(source: string | Uint8Array, contentType?: ContentType): ParsedSheet | null {
  try {
    return parseSheet(source, contentType ? { contentType } : {});
  } catch (err) {
    if (err instanceof InvalidSourceError) return null;
    throw err;
  }
}

/** The invariants every successful parse keeps. */
function checkInvariants(sheet: ParsedSheet | null): void {
  if (sheet === null) return;
  const { text, sections, figures } = sheet;
  expect(sections.length).toBeGreaterThan(0);
  expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  let cursor = 0;
  for (const section of sections) {
    expect(section.id).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/);
    expect(section.start).toBeGreaterThanOrEqual(cursor);
    expect(section.end).toBeGreaterThanOrEqual(section.start);
    expect(section.end).toBeLessThanOrEqual(text.length);
    if (section.heading !== null) expect(text.startsWith(section.heading, section.start)).toBe(true);
    cursor = section.end;
  }
  let previous = 0;
  for (const figure of figures) {
    expect(text.slice(figure.start, figure.end)).toBe(figure.text);
    expect(figure.start).toBeGreaterThanOrEqual(previous);
    previous = figure.start;
    expect(sections.some((s) => s.id === figure.sectionId)).toBe(true);
  }
}

const WORDS = [
  'Mali',
  'the',
  'U.S.',
  'assistance',
  '$148 million',
  '57 percent',
  'FY 2021',
  'over',
  '147,000 refugees',
];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 8 }));
const sentence = fc.array(word, { minLength: 1, maxLength: 15 }).map((w) => `${w.join(' ')}.`);
const line = fc.oneof(
  sentence,
  fc.constantFrom(
    'U.S. Assistance to Mali',
    'U.S. Relations With Kenya',
    'Fact Sheet',
    'January 21, 2015',
    'U.S. Department of State',
  ),
  sentence.map((s) => `  • ${s}`),
  sentence.map((s) => `- ${s}`),
  fc.constantFrom('listed here:', '', ' ', '\u00a0', '\t'),
);
const textDocument = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\n\n'), fc.boolean())
  .map(([lines, eol, bom]) => `${bom ? '\uFEFF' : ''}${lines.join(eol)}`);

const tag = fc.constantFrom(
  'p',
  'div',
  'h2',
  'h3',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'a',
  'br',
  'script',
  'nav',
  'span',
  'table',
  'td',
);
const htmlPiece = fc.oneof(
  sentence,
  tag.map((t) => `<${t}>`),
  tag.map((t) => `</${t}>`),
  fc.constantFrom(
    '&nbsp;',
    '&amp;',
    '&#8217;',
    '<!-- c -->',
    '<a href="/x">',
    '<p><strong>',
    '</strong></p>',
    '<br/>',
  ),
);
const htmlDocument = fc
  .array(htmlPiece, { maxLength: 60 })
  .map((pieces) => `<html><body>${pieces.join('')}</body></html>`);

/** Applies an edit at a relative position: delete, insert, duplicate or truncate. */
const mutation = fc.tuple(
  fc.constantFrom('delete', 'insert', 'duplicate', 'truncate'),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
function mutate(source: string, edits: [string, number, number, string][]): string {
  let out = source;
  for (const [kind, where, size, insert] of edits) {
    const at = Math.floor(where * out.length);
    if (kind === 'delete') out = out.slice(0, at) + out.slice(at + size);
    else if (kind === 'insert') out = out.slice(0, at) + insert + out.slice(at);
    else if (kind === 'duplicate') out = out.slice(0, at + size) + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

describe('parser properties', () => {
  it('random strings never throw anything but InvalidSourceError', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(undefined, 'text/plain', 'text/html'),
        (s, type) => {
          checkInvariants(parseOrRefuse(s, type as ContentType | undefined));
        },
      ),
      RUNS,
    );
  });

  it('random bytes never throw anything but InvalidSourceError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        checkInvariants(parseOrRefuse(bytes));
      }),
      RUNS,
    );
  });

  it('generated text documents keep valid spans and ordered figures', () => {
    fc.assert(
      fc.property(textDocument, (doc) => checkInvariants(parseOrRefuse(doc, 'text/plain'))),
      RUNS,
    );
  });

  it('generated HTML documents keep valid spans and ordered figures', () => {
    fc.assert(
      fc.property(htmlDocument, (doc) => checkInvariants(parseOrRefuse(doc, 'text/html'))),
      RUNS,
    );
  });

  it('mutated seeds (text and HTML) keep valid spans and ordered figures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(SEED_TEXT, SEED_HTML),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (seed, edits) => {
          checkInvariants(parseOrRefuse(mutate(seed, edits)));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('seed bytes with random byte flips never throw anything but InvalidSourceError', () => {
    const bytes = Buffer.from(SEED_TEXT, 'utf8');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 5,
        }),
        (flips) => {
          const copy = Uint8Array.from(bytes);
          for (const [at, value] of flips) copy[at] = value;
          checkInvariants(parseOrRefuse(copy));
        },
      ),
      { numRuns: 60 },
    );
  });
});
