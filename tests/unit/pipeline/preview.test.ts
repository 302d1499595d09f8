import { ingestObject, sha256Hex } from '../../../shared/pipeline/ingest';
import { type PreviewDeps, previewSource } from '../../../shared/pipeline/preview';
import {
  type PreviewInvocationResult,
  parsePreviewInvocation,
  runPreviewInvocation,
} from '../../../shared/pipeline/preview-invocation';
import { MAX_PREVIEW_SOURCE_BYTES } from '../../../shared/pipeline/preview-limits';
import { BAD_INPUTS, fixture, memoryDeps, type TestDeps } from '../../support/pipeline-deps';

const MALI = fixture('sheets/mali.txt');
const REVISED = fixture('sheets/mali-revised.txt');

async function publish(deps: TestDeps, bytes: Uint8Array, ext: 'txt' | 'html' = 'txt') {
  await deps.blobs.put(`sources/mali.${ext}`, bytes, ext === 'txt' ? 'text/plain' : 'text/html');
  return ingestObject(deps, { key: `sources/mali.${ext}` });
}

/** The deps a preview gets: the sheet repository's two reads, nothing that could write. */
function readOnly(deps: TestDeps): PreviewDeps {
  return {
    ...deps,
    sheets: {
      getMeta: (id) => deps.sheets.getMeta(id),
      getRevision: (id, revision) => deps.sheets.getRevision(id, revision),
    },
  };
}

function previewed(outcome: Awaited<ReturnType<typeof previewSource>>) {
  if (outcome.status !== 'previewed') throw new Error(`expected a preview, got ${outcome.status}`);
  return outcome.preview;
}

describe('previewSource', () => {
  it('is what publishing the same bytes then stores: the sheet, its figure keys and the diff', async () => {
    const deps = memoryDeps();
    await publish(deps, MALI);
    const preview = previewed(
      await previewSource(readOnly(deps), { id: 'mali', contentType: 'text/plain', bytes: REVISED }),
    );
    expect(preview).toMatchObject({
      id: 'mali',
      uploadId: sha256Hex(REVISED),
      parserVersion: deps.parserVersion,
      latestRevision: 1,
      unchanged: false,
    });
    expect(preview.diff?.figures.changed.map((c) => `${c.before.text} → ${c.after.text}`)).toEqual([
      '$148 million → $152 million',
      '57 percent → 58 percent',
      'five percent → six percent',
    ]);
    // Nothing was published by the preview; publishing now stores exactly what it showed.
    expect((await deps.sheets.getMeta('mali'))?.latestRevision).toBe(1);
    expect(await publish(deps, REVISED)).toMatchObject({ status: 'published', revision: 2 });
    const stored = await deps.sheets.getRevision('mali', 2);
    expect(stored?.sheet).toEqual(preview.sheet);
    expect(stored?.header.diff).toEqual(preview.diff);
  });

  it('the latest revision’s bytes are unchanged, with an empty diff', async () => {
    const deps = memoryDeps();
    await publish(deps, MALI);
    const preview = previewed(
      await previewSource(readOnly(deps), { id: 'mali', contentType: 'text/plain', bytes: MALI }),
    );
    expect(preview).toMatchObject({ unchanged: true, latestRevision: 1 });
    expect(preview.diff).toMatchObject({ from: 1, to: 2, figures: { added: [], removed: [], changed: [] } });
  });

  it('a new sheet has no latest revision and no diff; figures get revision-1 keys', async () => {
    const deps = memoryDeps();
    const preview = previewed(
      await previewSource(readOnly(deps), { id: 'fresh', contentType: 'text/plain', bytes: MALI }),
    );
    expect(preview).toMatchObject({ id: 'fresh', latestRevision: null, unchanged: false, diff: null });
    expect(preview.sheet.figures.map((f) => f.key)).toEqual(
      preview.sheet.figures.map((_, i) => `r1-${i + 1}`),
    );
  });

  it('a sheet whose only uploads were refused (META, no revision) is still a new sheet', async () => {
    const deps = memoryDeps();
    await publish(deps, MALI);
    const meta = await deps.sheets.getMeta('mali');
    const refusedOnly: PreviewDeps = {
      ...readOnly(deps),
      sheets: {
        getMeta: async () => (meta ? { ...meta, latestRevision: 0 } : null),
        getRevision: async () => {
          throw new Error('a sheet without a revision has none to read');
        },
      },
    };
    const preview = previewed(
      await previewSource(refusedOnly, { id: 'mali', contentType: 'text/plain', bytes: MALI }),
    );
    expect(preview).toMatchObject({ latestRevision: null, diff: null, unchanged: false });
  });

  it.each(BAD_INPUTS)(
    'refuses $label with the reason ingest records ($reason)',
    async ({ bytes, ext, reason }) => {
      const deps = memoryDeps();
      const contentType = ext === 'txt' ? 'text/plain' : 'text/html';
      const outcome = await previewSource(readOnly(deps), { id: 'mali', contentType, bytes });
      expect(outcome).toMatchObject({ status: 'rejected', reason, message: expect.any(String) });
      expect(await publish(deps, bytes, ext)).toMatchObject({ status: 'rejected', reason });
    },
  );

  it('applies ingest’s figure limit (too-many-figures) and size limit (too-large)', async () => {
    const tight = readOnly(memoryDeps({ maxFigures: 3 }));
    expect(await previewSource(tight, { id: 'mali', contentType: 'text/plain', bytes: MALI })).toMatchObject({
      status: 'rejected',
      reason: 'too-many-figures',
      message: expect.stringMatching(/at most 3/),
    });
    const small = readOnly(memoryDeps({ maxSourceBytes: 100 }));
    expect(await previewSource(small, { id: 'mali', contentType: 'text/plain', bytes: MALI })).toMatchObject({
      status: 'rejected',
      reason: 'too-large',
    });
  });
});

describe('runPreviewInvocation', () => {
  const invocation = (bytes: Uint8Array, extra: Record<string, unknown> = {}) => ({
    type: 'preview',
    id: 'mali',
    contentType: 'text/plain',
    body: Buffer.from(bytes).toString('base64'),
    ...extra,
  });

  it('decodes the base64 body and answers { ok: true, preview }', async () => {
    const deps = memoryDeps();
    await publish(deps, MALI);
    const result = await runPreviewInvocation(readOnly(deps), invocation(REVISED));
    expect(result).toMatchObject({ ok: true, preview: { uploadId: sha256Hex(REVISED), latestRevision: 1 } });
  });

  it('a refused source is { ok: false } with code invalid-source and ingest’s reason', async () => {
    const result = await runPreviewInvocation(readOnly(memoryDeps()), invocation(Buffer.from('  ')));
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-source', reason: 'empty', message: expect.any(String) },
    });
  });

  it('a result over the limit is refused (result-too-large) instead of overflowing Lambda’s response', async () => {
    const result = (await runPreviewInvocation(readOnly(memoryDeps()), invocation(MALI), {
      maxResultBytes: 10_000,
    })) as Extract<PreviewInvocationResult, { ok: false }>;
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('result-too-large');
    expect(result.error.message).toMatch(/at most 0\.0 MB \(\d+ sections, \d+ figures\)/);
  });

  it.each([
    ['an unknown member', { extra: 1 }, /unknown keys: extra/],
    ['a bad id', { id: 'Bad_Id' }, /id: must be 1–64/],
    ['another content type', { contentType: 'application/json' }, /contentType: must be text\/plain/],
    ['a body that is not base64', { body: 'not base64!' }, /body: must be the source bytes, base64/],
  ])('%s is a validation refusal naming it', async (_label, extra, message) => {
    const result = await runPreviewInvocation(readOnly(memoryDeps()), invocation(MALI, extra));
    expect(result).toEqual({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(message) },
    });
  });

  it('refuses a body longer than the preview limit before decoding it', () => {
    const body = 'A'.repeat(Math.ceil(MAX_PREVIEW_SOURCE_BYTES / 3) * 4 + 4);
    expect(() => parsePreviewInvocation(invocation(MALI, { body }))).toThrow(/over the preview size limit/);
  });
});
