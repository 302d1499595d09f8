/**
 * Reconcile treats a sheet's `.txt` and `.html` objects as one slot, as ingest does: only the newest
 * (whole seconds, S3's precision) is a candidate, so a restart never re-publishes the older key.
 */
import { planReconcile, type SourceObject, sha256Hex } from '../../../infra/local/reconcile';

const object = (key: string, text: string, lastModified: string): SourceObject => ({
  key,
  size: text.length,
  eTag: 'e',
  lastModified: new Date(lastModified),
  bytes: Buffer.from(text),
});

const state = (published: Record<string, string>) => async (id: string) =>
  published[id] === undefined ? null : { sourceHash: sha256Hex(Buffer.from(published[id])) };

describe('reconcile with both source keys of a sheet', () => {
  it('plans only the newest object per sheet, and nothing when the newest is published', async () => {
    const objects = [
      object('sources/chad.html', 'chad new html', '2026-11-27T10:05:00Z'),
      object('sources/chad.txt', 'chad old txt', '2026-11-27T10:00:00Z'),
      object('sources/mali.html', 'mali html', '2026-11-27T10:05:00Z'),
      object('sources/mali.txt', 'mali txt', '2026-11-27T10:00:00Z'),
      object('sources/niger.html', 'niger old html', '2026-11-27T10:00:00Z'),
      object('sources/niger.txt', 'niger new txt', '2026-11-27T10:00:01Z'),
    ];
    const todo = await planReconcile(
      objects,
      state({ chad: 'chad old txt', mali: 'mali html', niger: 'niger old html' }),
    );
    expect(todo.map((o) => o.key)).toEqual(['sources/chad.html', 'sources/niger.txt']);
  });

  it('does not depend on listing order', async () => {
    const todo = await planReconcile(
      [
        object('sources/mali.txt', 'mali txt', '2026-11-27T10:00:00Z'),
        object('sources/chad.txt', 'chad', '2026-11-27T10:00:00Z'),
        object('sources/mali.html', 'mali html', '2026-11-27T10:05:00Z'),
      ],
      state({ mali: 'mali html' }),
    );
    expect(todo.map((o) => o.key)).toEqual(['sources/chad.txt']);
  });

  it('on a tie (same second) keeps the published object; with neither published plans exactly one', async () => {
    const tie = [
      object('sources/mali.html', 'mali html', '2026-11-27T10:00:00.900Z'),
      object('sources/mali.txt', 'mali txt', '2026-11-27T10:00:00.100Z'),
    ];
    expect(await planReconcile(tie, state({ mali: 'mali txt' }))).toEqual([]);
    expect(await planReconcile(tie, state({ mali: 'mali html' }))).toEqual([]);
    expect((await planReconcile(tie, state({}))).map((o) => o.key)).toEqual(['sources/mali.html']);
  });

  it('reads the bytes of the newest object only', async () => {
    const read = jest.fn(async (key: string) => Buffer.from(`${key} bytes`));
    const listed = [
      { key: 'sources/mali.txt', size: 1, eTag: 'e', lastModified: new Date('2026-11-27T10:00:00Z'), read },
      { key: 'sources/mali.html', size: 1, eTag: 'e', lastModified: new Date('2026-11-27T10:05:00Z'), read },
    ].map(({ read: r, ...rest }) => ({ ...rest, read: () => r(rest.key) }));
    const todo = await planReconcile(listed, async () => null);
    expect(todo.map((o) => [o.key, Buffer.from(o.bytes).toString()])).toEqual([
      ['sources/mali.html', 'sources/mali.html bytes'],
    ]);
    expect(read).toHaveBeenCalledTimes(1);
  });
});
