import { load } from 'cheerio/slim';
import type { Document } from 'domhandler';
import { InvalidSourceError } from '../../errors';
import { findDate } from '../header-lines';
import { MAX_HTML_DEPTH } from '../limits';
import type { ExtractedDocument } from '../raw-block';
import { collectBlocks } from './blocks';
import { maxNestingDepth } from './depth';
import { textOf } from './dom';
import { findLandmarks } from './landmarks';
import { linesToLists } from './line-lists';

/** Cheerio on htmlparser2: one linear parse, and a tree shape the iterative walkers understand. */
const LOAD_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;

/**
 * Reads a state.gov fact-sheet page into blocks and header metadata. Current pages give the title, bureau
 * and date from their markup and the body from `article .entry-content`; 2009–2017 archive pages (and
 * other HTML) give the body from the main container, with the title, bureau, "Fact Sheet" and date lines
 * left for `stripFrame` to lift out. Throws {@link InvalidSourceError} `too-deep` for pathological nesting.
 */
export function readHtml(html: string): ExtractedDocument {
  const depth = maxNestingDepth(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new InvalidSourceError(
      'too-deep',
      `The HTML nests elements more than ${MAX_HTML_DEPTH.toLocaleString('en-US')} levels deep, past the limit; a fact sheet needs a few dozen.`,
    );
  }
  const doc = load(html, LOAD_OPTIONS).root()[0] as Document;
  const marks = findLandmarks(doc);
  const root = marks.entryContent ?? marks.main ?? marks.body;
  const blocks = linesToLists(collectBlocks(root ?? doc));
  const headline = marks.headline ? textOf(marks.headline) : '';
  const bureau = marks.bureau ? textOf(marks.bureau) : '';
  return {
    blocks,
    title: headline || marks.titleText,
    bureau: bureau || null,
    publishedOn: marks.publishDate ? findDate(textOf(marks.publishDate)) : null,
  };
}
