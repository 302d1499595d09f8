import {
  archiveKeyFor,
  isValidSheetId,
  parseSourceKey,
  sanitizeSheetId,
  sourceKeyFor,
} from '../../../shared/pipeline/source-key';

describe('sheet ids', () => {
  it.each(['mali', 'cote-d-ivoire', 'a', 'x'.repeat(64), '2024-report'])('accepts %s', (id) => {
    expect(isValidSheetId(id)).toBe(true);
  });

  it.each(['', 'Mali', 'côte', 'a b', 'a_b', 'x'.repeat(65), '../etc', 'a.b'])('rejects %j', (id) => {
    expect(isValidSheetId(id)).toBe(false);
  });

  it('sanitizes any string into a valid id', () => {
    expect(sanitizeSheetId('côte d')).toBe('cote-d');
    expect(sanitizeSheetId('Bad_Id')).toBe('bad-id');
    expect(sanitizeSheetId('***')).toBe('invalid-key');
    expect(isValidSheetId(sanitizeSheetId('Ω'.repeat(100)))).toBe(true);
  });
});

describe('parseSourceKey', () => {
  it('reads id and content type from sources/{id}.{txt|html}', () => {
    expect(parseSourceKey('sources/mali.txt')).toEqual({ ok: true, id: 'mali', contentType: 'text/plain' });
    expect(parseSourceKey('sources/niger.html')).toEqual({ ok: true, id: 'niger', contentType: 'text/html' });
  });

  it('returns null outside sources/', () => {
    expect(parseSourceKey('archive/mali/abc.txt')).toBeNull();
    expect(parseSourceKey('notes/sources/mali.txt')).toBeNull();
  });

  it('describes a bad id with a sanitized id to record the error under', () => {
    expect(parseSourceKey('sources/côte d.txt')).toEqual({
      ok: false,
      reason: 'bad-id',
      sanitizedId: 'cote-d',
    });
    expect(parseSourceKey('sources/nested/mali.txt')).toMatchObject({ ok: false, reason: 'bad-id' });
  });

  it('describes an unsupported extension', () => {
    expect(parseSourceKey('sources/mali.pdf')).toEqual({
      ok: false,
      reason: 'unsupported-type',
      sanitizedId: 'mali',
    });
    expect(parseSourceKey('sources/mali')).toMatchObject({ ok: false, reason: 'unsupported-type' });
  });

  it('builds source and archive keys that round-trip', () => {
    const key = sourceKeyFor('mali', 'text/html');
    expect(key).toBe('sources/mali.html');
    expect(parseSourceKey(key)).toEqual({ ok: true, id: 'mali', contentType: 'text/html' });
    expect(archiveKeyFor('mali', 'ab'.repeat(32), 'text/plain')).toBe(`archive/mali/${'ab'.repeat(32)}.txt`);
  });
});
