/**
 * reprocessSheet completes an unfinished publish (a writer that died after its META flip) before it
 * publishes, as ingest does: otherwise the new flip replaces META.latestAttempt and the unfinished
 * revision, which has no commit marker yet, can never be read again.
 */
import { ingestObject } from '../../../shared/pipeline/ingest';
import { reprocessSheet } from '../../../shared/pipeline/reprocess';
import { fixture, memoryDeps } from '../../support/pipeline-deps';

it('finalizes an unprojected latest revision before publishing a reprocessed one', async () => {
  const deps = memoryDeps();
  await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
  await ingestObject(deps, { key: 'sources/mali.txt' });

  const calls: string[] = [];
  const getMeta = deps.sheets.getMeta.bind(deps.sheets);
  // META as a writer that died after its flip leaves it: projectedRevision behind latestRevision.
  deps.sheets.getMeta = async (id) => {
    const meta = await getMeta(id);
    return meta && { ...meta, projectedRevision: meta.latestRevision - 1 };
  };
  deps.sheets.finalizeLatest = async (id) => {
    calls.push(`finalize ${id}`);
  };
  const publish = deps.sheets.publishRevision.bind(deps.sheets);
  deps.sheets.publishRevision = async (input) => {
    calls.push(`publish ${input.expectedLatest + 1}`);
    return publish(input);
  };

  expect(await reprocessSheet(deps, 'mali', { force: true })).toMatchObject({ revision: 2 });
  expect(calls).toEqual(['finalize mali', 'publish 2']);
});

it('does not finalize when the latest revision is already projected', async () => {
  const deps = memoryDeps();
  await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
  await ingestObject(deps, { key: 'sources/mali.txt' });
  let finalized = 0;
  deps.sheets.finalizeLatest = async () => {
    finalized++;
  };
  await reprocessSheet(deps, 'mali', { force: true });
  expect(finalized).toBe(0);
});
