import {
  needsIngest,
  planReconcile,
  type SourceObject,
  sha256Hex,
  sheetIdFromKey,
} from '../../../infra/local/reconcile';

const object = (key: string, text: string, lastModified = '2026-11-27T10:00:00Z'): SourceObject => ({
  key,
  size: text.length,
  eTag: 'e',
  lastModified: new Date(lastModified),
  bytes: Buffer.from(text),
});

describe('reconcile', () => {
  it('maps source keys to sheet ids and ignores keys the trigger would not deliver', () => {
    expect(sheetIdFromKey('sources/mali.txt')).toBe('mali');
    expect(sheetIdFromKey('sources/cote-d-ivoire.html')).toBe('cote-d-ivoire');
    expect(sheetIdFromKey('sources/.txt')).toBeNull();
    expect(sheetIdFromKey('archive/mali/x.txt')).toBeNull();
    expect(sheetIdFromKey('sources/mali.pdf')).toBeNull();
  });

  it('ingests bytes no sheet has published, skips published bytes and rejections recorded after the write', () => {
    const o = object('sources/mali.txt', 'v2');
    expect(needsIngest(o, null)).toBe(true);
    expect(needsIngest(o, { sourceHash: sha256Hex(Buffer.from('v1')) })).toBe(true);
    expect(needsIngest(o, { sourceHash: sha256Hex(Buffer.from('v2')) })).toBe(false);
    expect(needsIngest(o, { sourceHash: null, lastErrorAt: '2026-11-27T10:00:01Z' })).toBe(false);
    expect(needsIngest(o, { sourceHash: 'old', lastErrorAt: '2026-11-27T09:59:59Z' })).toBe(true);
  });

  it('skips the bytes the last rejection names, whenever it was recorded, and only those', () => {
    const o = object('sources/mali.txt', 'v2');
    const early = '2026-11-27T09:00:00Z';
    expect(
      needsIngest(o, { sourceHash: 'old', lastErrorAt: early, rejectedHash: sha256Hex(Buffer.from('v2')) }),
    ).toBe(false);
    expect(
      needsIngest(o, { sourceHash: 'old', lastErrorAt: early, rejectedHash: sha256Hex(Buffer.from('v1')) }),
    ).toBe(true);
  });

  it('ingests published bytes again when META says their revision was never announced (the event was lost)', () => {
    const o = object('sources/mali.txt', 'v2');
    const published = sha256Hex(Buffer.from('v2'));
    expect(needsIngest(o, { sourceHash: published, unannounced: true })).toBe(true);
    expect(needsIngest(o, { sourceHash: published, unannounced: false })).toBe(false);
  });

  it('plans exactly the unpublished objects', async () => {
    const published = new Map([['mali', sha256Hex(Buffer.from('same'))]]);
    const todo = await planReconcile(
      [
        object('sources/mali.txt', 'same'),
        object('sources/chad.txt', 'new'),
        object('sources/readme.md', 'x'),
      ],
      async (id) => (published.has(id) ? { sourceHash: published.get(id)! } : null),
    );
    expect(todo.map((o) => o.key)).toEqual(['sources/chad.txt']);
  });
});
