import { parseSheet } from '../../../shared/index';
import { figureRef } from '../../../shared/pipeline/diff';
import type { RevisionHeader } from '../../../shared/store/ports';
import {
  assembleContent,
  CHUNK_CHARS,
  headerBody,
  MAX_HEADER_CHARS,
  revisionItems,
} from '../../../shared/store/revision-items';
import { fixture } from '../../support/pipeline-deps';

const sheet = parseSheet(fixture('sheets/mali.txt'), { id: 'mali', contentType: 'text/plain' });
const header = (diff: RevisionHeader['diff']): RevisionHeader => ({
  id: 'mali',
  revision: 2,
  sourceHash: sheet.sourceHash,
  archiveKey: 'archive/mali/x.txt',
  parserVersion: sheet.parserVersion,
  contentType: 'text/plain',
  reason: 'upload',
  createdAt: '2026-01-01T00:00:00.000Z',
  title: null,
  country: 'Mali',
  counts: { sections: sheet.sections.length, figures: sheet.figures.length },
  diff,
});

describe('revision items', () => {
  it('round-trips a revision, including values spilled into parts', () => {
    const long = 'x'.repeat(CHUNK_CHARS * 2 + 7);
    const big = { ...sheet, figures: sheet.figures.map((f, i) => (i === 3 ? { ...f, sentence: long } : f)) };
    const body = headerBody(header(null), big);
    const items = revisionItems(body, big, 'abcd1234');
    expect(items.some((item) => item.sk.includes('#F#00003#P#002'))).toBe(true);
    const content = assembleContent(items.slice(1).reverse(), 2, 'abcd1234', body);
    expect(content).toEqual({ sections: big.sections, figures: big.figures, text: big.text });
  });

  it('keeps every item under the 400 KB DynamoDB limit', () => {
    const huge = { ...sheet, text: '𝔘'.repeat(300_000) };
    for (const item of revisionItems(headerBody(header(null), huge), huge, 'abcd1234')) {
      expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(400 * 1024);
    }
  });

  it('leaves out the figure lists of a diff too large for the header item, and says so', () => {
    const refs = Array.from({ length: 3000 }, () => figureRef(sheet.figures[0] ?? ({} as never)));
    const diff = {
      from: 1,
      to: 2,
      figures: { added: refs, removed: [], changed: [] },
      sections: { added: [], removed: [], changed: ['lead'] },
    };
    const body = headerBody(header(diff), sheet);
    expect(JSON.stringify(body).length).toBeLessThanOrEqual(MAX_HEADER_CHARS);
    expect(body.header.diff).toEqual({
      ...diff,
      figures: { added: [], removed: [], changed: [] },
      figuresOmitted: true,
    });
    // A normal diff is stored whole.
    const small = { ...diff, figures: { added: refs.slice(0, 3), removed: [], changed: [] } };
    expect(headerBody(header(small), sheet).header.diff).toEqual(small);
  });
});
