import { InvalidSourceError } from '../../../shared/errors';
import { MAX_HTML_DEPTH, parseSheet } from '../../../shared/index';
import type { Block, ParsedSheet } from '../../../shared/model';
import { maxNestingDepth } from '../../../shared/parse/html/depth';

const PROSE = 'The United States and the partner country work together on health, trade and security.';

function parseHtml(body: string): ParsedSheet {
  return parseSheet(`<!DOCTYPE html><html><body><main>${body}</main></body></html>`);
}

function blocks(sheet: ParsedSheet): Block[] {
  return sheet.sections.flatMap((s) => s.blocks);
}

describe('HTML rules', () => {
  it('maps h2/h3/h4 to levels 2–4, h1 to 2 and h5/h6 to 4', () => {
    const sheet = parseHtml(
      ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `<${h}>Heading ${h}</${h}><p>${PROSE}</p>`).join(''),
    );
    expect(sheet.sections.map((s) => s.level)).toEqual([2, 2, 3, 4, 4, 4]);
  });

  it('takes a paragraph whose only child is <strong> or <b> as a heading, at the level of the last heading', () => {
    const sheet = parseHtml(`<h3>Part</h3><p>${PROSE}</p><p> <b>Bold Heading</b> </p><p>${PROSE}</p>`);
    expect(sheet.sections.map((s) => [s.heading, s.level])).toEqual([
      ['Part', 3],
      ['Bold Heading', 3],
    ]);
  });

  it('keeps bold text that is part of a paragraph, or a bold sentence, as prose', () => {
    const sheet = parseHtml(
      `<p><strong>Note:</strong> details follow here.</p><p><strong>This is a full sentence.</strong></p>`,
    );
    expect(sheet.sections).toHaveLength(1);
    expect(blocks(sheet).map((b) => b.type === 'paragraph' && b.text)).toEqual([
      'Note: details follow here.',
      'This is a full sentence.',
    ]);
  });

  it('flattens nested lists into one list and keeps a link only when an item has exactly one', () => {
    const sheet = parseHtml(
      `<p>${PROSE}</p><ul><li><a href="/a">Alpha</a></li><li>Beta<ul><li>Beta one</li></ul></li><li><a href="/c">C</a> and <a href="/d">D</a></li></ul>`,
    );
    expect(blocks(sheet)[1]).toEqual({
      type: 'list',
      items: [{ text: 'Alpha', href: '/a' }, { text: 'Beta' }, { text: 'Beta one' }, { text: 'C and D' }],
    });
  });

  it('joins inline elements without adding spaces and turns <br> into a space', () => {
    const sheet = parseHtml(
      '<p>U.S.<span>-</span>Mali relations<br>are strong, at <em>five</em>&nbsp;percent.</p>',
    );
    expect(sheet.text).toBe('U.S.-Mali relations are strong, at five\u00a0percent.');
  });

  it('reads text that sits directly in a container as a paragraph', () => {
    const sheet = parseHtml(`<div>${PROSE}<div>Second block of text here.</div></div>`);
    expect(blocks(sheet).map((b) => b.type === 'paragraph' && b.text)).toEqual([
      PROSE,
      'Second block of text here.',
    ]);
  });

  it('drops a trailing heading that heads nothing', () => {
    const sheet = parseHtml(`<p>${PROSE}</p><h2>Related</h2>`);
    expect(sheet.text).toBe(PROSE);
  });

  it('skips hidden elements and screen-reader text', () => {
    const sheet = parseHtml(
      `<p>${PROSE}<span class="screen-reader-text"> (opens in a new window)</span></p><p hidden>Hidden one</p><p style="display: none">Hidden two</p><div aria-hidden="true">Hidden three</div>`,
    );
    expect(sheet.text).toBe(PROSE);
  });

  it('refuses HTML with no body text', () => {
    const run = () =>
      parseSheet(
        '<html><head><title>Empty</title></head><body><nav>Menu</nav><script>var a=1</script></body></html>',
      );
    expect(run).toThrow(InvalidSourceError);
    expect(run).toThrow(expect.objectContaining({ reason: 'no-content' }));
    expect(run).toThrow(/no body text/);
  });

  it('honours an explicit content type: HTML-looking input read as text/plain keeps its tags as text', () => {
    const sheet = parseSheet(`<p>${PROSE}</p>`, { contentType: 'text/plain' });
    expect(sheet.contentType).toBe('text/plain');
    expect(sheet.text).toBe(`<p>${PROSE}</p>`);
  });
});

describe('pathological nesting', () => {
  const nested = (depth: number, tag = 'div') =>
    `<html><body><article><div class="entry-content">${`<${tag}>`.repeat(depth)}<p>${PROSE}</p>${`</${tag}>`.repeat(depth)}</div></article></body></html>`;

  // Cheerio's recursive .text() already overflows the stack at 5,000 levels; the walkers are iterative.
  it.each(['span', 'div', 'li'])(
    `walks ${MAX_HTML_DEPTH.toLocaleString('en-US')} nested <%s> elements iteratively, without overflowing the stack`,
    (tag) => {
      const sheet = parseSheet(nested(MAX_HTML_DEPTH - 10, tag));
      expect(sheet.text).toBe(PROSE);
    },
  );

  it('refuses 100,000 nested elements with a clear too-deep error instead of crashing', () => {
    const run = () => parseSheet(nested(100_000));
    expect(run).toThrow(expect.objectContaining({ reason: 'too-deep' }));
    expect(run).toThrow(
      'The HTML nests elements more than 10,000 levels deep, past the limit; a fact sheet needs a few dozen.',
    );
  });

  it('measures depth without counting void elements, optional end tags, comments or script bodies', () => {
    expect(maxNestingDepth('<div><p>a<p>b<p>c<br><img src=x><li>d</div>')).toBe(1);
    expect(maxNestingDepth('<div><!-- <div><div> --><script>"<div><div>"</script></div>')).toBe(1);
    expect(maxNestingDepth('<div><span></span><span><b></b></span></div>')).toBe(3);
  });

  it('counts <div/> as an open div, as HTML parsers do, but honours self-closing tags inside SVG', () => {
    expect(maxNestingDepth('<div/><div/><div/>')).toBe(3);
    expect(maxNestingDepth('<div></nope><div></nope></div></div>')).toBe(2);
    expect(maxNestingDepth('<x_y><x_y></x_y></x_y>')).toBe(2);
    expect(maxNestingDepth('<div><span><b></div><div>')).toBe(3);
    expect(maxNestingDepth(`<div><svg>${'<path d="M0 0"/>'.repeat(50)}</svg></div>`)).toBe(2);
    for (const opener of ['<div/>', '<div></nope>', '<x_y>']) {
      expect(() => parseSheet(`<html><body>${opener.repeat(20_000)}<p>x</p></body></html>`)).toThrow(
        expect.objectContaining({ reason: 'too-deep' }),
      );
    }
  });
});
