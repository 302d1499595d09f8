/**
 * UploadRepository semantics, the same for the DynamoDB adapter (on dynalite) and the in-memory fake:
 * who may overwrite an outcome, superseding older pending uploads, and recording an outcome for an
 * upload never seen (objects written without the API; another component recording a rejection).
 */
import { documentClient } from '../../shared/aws/clients';
import { DynamoUploadRepository } from '../../shared/store/dynamo-uploads';
import type { UploadRepository } from '../../shared/store/upload-ports';
import { InMemoryUploadRepository } from '../support/fakes/memory-uploads';
import { createTestResources } from '../support/resources';

let tableName = '';
beforeAll(async () => {
  tableName = (await createTestResources('uploadrepo')).tableName;
});

const id = (c: string) => c.repeat(64);
const pending = (sheetId: string, uploadId: string, uploadedAt: string) => ({
  sheetId,
  uploadId,
  key: `sources/${sheetId}.txt`,
  bytes: 10,
  uploadedAt,
});

describe.each([
  ['DynamoUploadRepository', () => new DynamoUploadRepository(documentClient(), tableName)],
  ['InMemoryUploadRepository', () => new InMemoryUploadRepository()],
] as [string, () => UploadRepository][])('%s', (label, make) => {
  const sheet = `s-${label.length}-${label.slice(0, 3).toLowerCase()}`;

  it('a decided upload keeps its outcome: a redelivered event cannot turn published into unchanged', async () => {
    const repo = make();
    await repo.recordPending(pending(sheet, id('a'), '2026-12-01T00:00:01.000Z'));
    expect(await repo.recordOutcome(sheet, id('a'), { status: 'published', revision: 3 }, 't1')).toBe(true);
    expect(await repo.recordOutcome(sheet, id('a'), { status: 'unchanged', revision: 3 }, 't2')).toBe(false);
    expect(await repo.get(sheet, id('a'))).toMatchObject({
      status: 'published',
      revision: 3,
      decidedAt: 't1',
    });
  });

  it('older pending uploads become superseded by the decided one; newer ones stay pending', async () => {
    const repo = make();
    const s = `${sheet}-race`;
    await repo.recordPending(pending(s, id('1'), '2026-12-01T00:00:01.000Z'));
    await repo.recordPending(pending(s, id('2'), '2026-12-01T00:00:02.000Z'));
    await repo.recordPending(pending(s, id('3'), '2026-12-01T00:00:03.000Z'));
    await repo.recordOutcome(s, id('2'), { status: 'published', revision: 1 }, 't');
    expect(await repo.get(s, id('1'))).toMatchObject({ status: 'superseded', supersededBy: id('2') });
    expect((await repo.get(s, id('3')))?.status).toBe('pending');
    // A superseded upload whose bytes are ingested after all takes that outcome, and loses the old fields.
    await repo.recordOutcome(s, id('1'), { status: 'rejected', reason: 'no-content', message: 'm' }, 't');
    const later = await repo.get(s, id('1'));
    expect(later).toMatchObject({ status: 'rejected', reason: 'no-content', message: 'm' });
    expect(later?.supersededBy).toBeUndefined();
    const listed = await repo.list(s, { limit: 2 });
    expect(listed.items.map((u) => u.uploadId)).toEqual([id('3'), id('2')]);
    const rest = await repo.list(s, { limit: 2, cursor: listed.nextCursor });
    expect(rest.items.map((u) => u.uploadId)).toEqual([id('1')]);
  });

  it('records an outcome for an upload it never saw as pending (e.g. a poison-pill rejection)', async () => {
    const repo = make();
    const s = `${sheet}-new`;
    const message = 'ingest failed on these bytes three times';
    expect(
      await repo.recordOutcome(
        s,
        id('f'),
        { status: 'rejected', reason: 'poison', message },
        '2026-12-01T00:00:09.000Z',
      ),
    ).toBe(true);
    expect(await repo.get(s, id('f'))).toMatchObject({
      status: 'rejected',
      reason: 'poison',
      message,
      uploadedAt: '2026-12-01T00:00:09.000Z',
    });
    expect(await repo.get(s, id('e'))).toBeNull();
  });
});
