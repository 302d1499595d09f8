/**
 * The schedule's `{ type: 'reprocess-stale' }` invocation on the in-memory fakes: sheets stored by an older
 * parser are re-parsed (reason `reprocess`), current ones cost their META read only, one failure never
 * stops the others, and the run reports a summary, a log line and the SheetsReprocessed metric.
 */
import { InvalidSourceError, TransientStoreError, ValidationError } from '../../../shared/errors';
import { PARSER_VERSION } from '../../../shared/index';
import { ingestObject } from '../../../shared/pipeline/ingest';
import { handleIngestEvent } from '../../../shared/pipeline/ingest-events';
import {
  parseReprocessStaleInvocation,
  REPROCESS_STALE_CONCURRENCY,
} from '../../../shared/pipeline/reprocess-stale-invocation';
import { reprocessStaleTarget } from '../../../shared/topology';
import { fixture, memoryDeps, type TestDeps } from '../../support/pipeline-deps';

const BUCKET = 'bucket';
const STALE = { type: 'reprocess-stale' } as const;
const OLD_VERSION = '0.9.0';

/** Publishes `ids` as revision 1 through ingest, parsed by a parser that reports `version`. */
async function publish(deps: TestDeps, ids: string[], version: string): Promise<void> {
  const parse = deps.parse;
  const asVersion = {
    ...deps,
    parserVersion: version,
    parse: (source: string | Uint8Array, options?: Parameters<typeof parse>[1]) => ({
      ...parse(source, options),
      parserVersion: version,
    }),
  };
  for (const id of ids) {
    await deps.blobs.put(`sources/${id}.txt`, fixture('sheets/mali.txt'), 'text/plain');
    expect(await ingestObject(asVersion, { key: `sources/${id}.txt` })).toMatchObject({
      status: 'published',
      revision: 1,
    });
  }
}

describe('reprocess-stale invocation', () => {
  it('re-parses a sheet stored by parser 0.9.0 (reason reprocess) and leaves a current one alone', async () => {
    // Prepare
    const deps = memoryDeps();
    await publish(deps, ['old'], OLD_VERSION);
    await publish(deps, ['current'], PARSER_VERSION);
    const getMeta = jest.spyOn(deps.sheets, 'getMeta');
    const getRevision = jest.spyOn(deps.sheets, 'getRevision');
    const getBlob = jest.spyOn(deps.blobs, 'get');

    // Act
    const result = await handleIngestEvent(deps, BUCKET, STALE);

    // Assess: the current sheet cost exactly one META read (no revision read, no archive read).
    expect(getMeta.mock.calls.filter(([id]) => id === 'current')).toHaveLength(1);
    expect(getRevision.mock.calls.filter(([id]) => id === 'current')).toHaveLength(0);
    expect(getBlob.mock.calls.map(([key]) => key)).toEqual([expect.stringMatching(/^archive\/old\//)]);
    expect(result).toEqual({
      total: 2,
      published: 1,
      unchanged: 1,
      rejected: 0,
      failed: [],
      parserVersion: PARSER_VERSION,
    });
    expect(await deps.sheets.getRevisionHeader('old', 2)).toMatchObject({
      reason: 'reprocess',
      parserVersion: PARSER_VERSION,
    });
    expect(await deps.sheets.getMeta('old')).toMatchObject({
      latestRevision: 2,
      parserVersion: PARSER_VERSION,
    });
    expect((await deps.sheets.getMeta('current'))?.latestRevision).toBe(1);
  });

  it('counts SheetsReprocessed and logs one summary line', async () => {
    const deps = memoryDeps();
    await publish(deps, ['a', 'b'], OLD_VERSION);
    await publish(deps, ['c'], PARSER_VERSION);
    await handleIngestEvent(deps, BUCKET, STALE);
    expect(deps.metrics.counts.SheetsReprocessed).toBe(2);
    const summaries = deps.logger.lines.filter((l) => l.message.startsWith('stale sheets reprocessed'));
    expect(summaries).toEqual([
      expect.objectContaining({
        level: 'info',
        fields: expect.objectContaining({ parserVersion: PARSER_VERSION, total: 3, published: 2, failed: 0 }),
      }),
    ]);
  });

  it('a second run finds nothing stale: every sheet unchanged, no revision written', async () => {
    const deps = memoryDeps();
    await publish(deps, ['a', 'b'], OLD_VERSION);
    await handleIngestEvent(deps, BUCKET, STALE);
    const publishRevision = jest.spyOn(deps.sheets, 'publishRevision');
    expect(await handleIngestEvent(deps, BUCKET, STALE)).toMatchObject({
      total: 2,
      published: 0,
      unchanged: 2,
    });
    expect(publishRevision).not.toHaveBeenCalled();
  });

  it('a failing sheet is in `failed` while the others are reprocessed; its revision keeps serving', async () => {
    const deps = memoryDeps();
    await publish(deps, ['a', 'b', 'c'], OLD_VERSION);
    const archiveOfB = (await deps.sheets.getRevisionHeader('b', 1))?.archiveKey ?? '';
    expect(deps.blobs.objects.delete(archiveOfB)).toBe(true);

    const result = await handleIngestEvent(deps, BUCKET, STALE);

    expect(result).toMatchObject({ total: 3, published: 2, unchanged: 0, rejected: 0 });
    expect((result as { failed: unknown }).failed).toEqual([
      { id: 'b', error: expect.stringContaining(archiveOfB) },
    ]);
    expect((await deps.sheets.getMeta('a'))?.latestRevision).toBe(2);
    expect((await deps.sheets.getMeta('c'))?.latestRevision).toBe(2);
    expect(await deps.sheets.getMeta('b')).toMatchObject({ latestRevision: 1, parserVersion: OLD_VERSION });
    expect(deps.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ failed: 1, failedIds: ['b'] }),
      }),
    );
    expect(deps.metrics.counts.SheetsReprocessed).toBe(2);
  });

  it('an archive the new parser refuses is counted as rejected, recorded on the sheet, and nothing is lost', async () => {
    const deps = memoryDeps();
    await publish(deps, ['a', 'b'], OLD_VERSION);
    const parse = deps.parse;
    deps.parse = (source, options) => {
      if (options?.id === 'a') throw new InvalidSourceError('no-content', 'No fact-sheet content');
      return parse(source, options);
    };

    expect(await handleIngestEvent(deps, BUCKET, STALE)).toMatchObject({
      total: 2,
      published: 1,
      rejected: 1,
    });
    expect(await deps.sheets.getMeta('a')).toMatchObject({
      latestRevision: 1,
      lastError: expect.objectContaining({ reason: 'no-content' }),
    });
  });

  it('runs at most REPROCESS_STALE_CONCURRENCY sheets at once', async () => {
    const deps = memoryDeps();
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    await publish(deps, ids, OLD_VERSION);
    const realPublish = deps.sheets.publishRevision.bind(deps.sheets);
    let running = 0;
    let peak = 0;
    deps.sheets.publishRevision = async (input) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return realPublish(input);
    };
    expect(await handleIngestEvent(deps, BUCKET, STALE)).toMatchObject({ total: 10, published: 10 });
    expect(peak).toBe(REPROCESS_STALE_CONCURRENCY);
  });

  it('an empty store is a run with nothing to do', async () => {
    const deps = memoryDeps();
    expect(await handleIngestEvent(deps, BUCKET, STALE)).toEqual({
      total: 0,
      published: 0,
      unchanged: 0,
      rejected: 0,
      failed: [],
      parserVersion: PARSER_VERSION,
    });
    expect(deps.metrics.counts.SheetsReprocessed).toBe(0);
  });

  it('throws when the sheet list cannot be read, so the schedule retries it', async () => {
    const deps = memoryDeps();
    deps.sheets.listSheets = async () => {
      throw new TransientStoreError('throttled');
    };
    await expect(handleIngestEvent(deps, BUCKET, STALE)).rejects.toBeInstanceOf(TransientStoreError);
  });

  it.each([
    [{ type: 'reprocess-stale', force: true }, 'force'],
    [{ type: 'reprocess-stale', id: 'mali' }, 'id'],
  ])('payload %o → ValidationError naming %s, nothing read', async (event, field) => {
    const deps = memoryDeps();
    const listSheets = jest.spyOn(deps.sheets, 'listSheets');
    const err = await handleIngestEvent(deps, BUCKET, event).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toContain(field);
    expect(listSheets).not.toHaveBeenCalled();
  });

  it("the topology's schedule sends ingest exactly this invocation", () => {
    const target = reprocessStaleTarget();
    expect(target?.function).toBe('ingest');
    expect(parseReprocessStaleInvocation(target?.input)).toEqual(STALE);
  });
});
