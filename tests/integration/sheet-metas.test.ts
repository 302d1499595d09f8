/**
 * DynamoSheetRepository.getMetas on dynalite: the batch read answers what getMeta answers for each id
 * (published sheets, a sheet that only has an error record, an unknown id), across the 100-key limit.
 */
import { documentClient } from '../../shared/aws/clients';
import { parseSheet } from '../../shared/index';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, testDocuments } from '../support/resources';

let repo: DynamoSheetRepository;

beforeAll(async () => {
  const resources = await createTestResources('sheet-metas');
  repo = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
  for (const id of ['metas-a', 'metas-b']) {
    const sheet = parseSheet(fixture('sheets/mali.txt'), { id, contentType: 'text/plain' });
    await repo.publishRevision({
      sheet,
      archiveKey: `archive/${id}/x.txt`,
      reason: 'upload',
      diff: null,
      expectedLatest: 0,
    });
  }
  await repo.recordError('metas-refused', {
    at: new Date().toISOString(),
    key: 'sources/metas-refused.txt',
    reason: 'empty',
    message: 'The source is empty.',
  });
});

it('answers what getMeta answers for every id', async () => {
  const ids = ['metas-a', 'metas-b', 'metas-refused', 'metas-unknown'];
  const metas = await repo.getMetas(ids);
  expect([...metas.keys()]).toEqual(ids);
  for (const id of ids) expect(metas.get(id)).toEqual(await repo.getMeta(id));
  expect(metas.get('metas-a')).toMatchObject({ id: 'metas-a', latestRevision: 1 });
  expect(metas.get('metas-unknown')).toBeNull();
});

it('reads more ids than one BatchGetItem takes', async () => {
  const ids = [...Array.from({ length: 149 }, (_, i) => `metas-none-${i}`), 'metas-b'];
  const metas = await repo.getMetas(ids);
  expect(metas.size).toBe(150);
  expect(metas.get('metas-b')).toEqual(await repo.getMeta('metas-b'));
  expect([...metas.values()].filter((m) => m !== null)).toHaveLength(1);
});
