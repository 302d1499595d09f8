import { parseSheet } from '../../../shared/index';
import type { ContentType } from '../../../shared/model';

const PROSE = 'The United States and the partner country work together on health, trade and security.';

describe('parse options', () => {
  it('uses a given id and refuses one that is not a sheet id', () => {
    expect(parseSheet(PROSE, { id: 'kenya-2015' }).id).toBe('kenya-2015');
    expect(() => parseSheet(PROSE, { id: 'Kenya 2015' })).toThrow(
      expect.objectContaining({ reason: 'bad-id' }),
    );
  });

  it('derives an id from the content hash when there is no title', () => {
    const sheet = parseSheet(PROSE);
    expect(sheet.id).toBe(`sheet-${sheet.sourceHash.slice(0, 12)}`);
  });

  it('refuses a content type other than text/plain and text/html', () => {
    const run = () => parseSheet(PROSE, { contentType: 'application/pdf' as ContentType });
    expect(run).toThrow(expect.objectContaining({ reason: 'unsupported-type' }));
    expect(run).toThrow('The content type "application/pdf" is not supported; use text/plain or text/html.');
  });
});
