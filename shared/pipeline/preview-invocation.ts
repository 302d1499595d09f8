/**
 * The ingest function's direct-invocation contract for previews: the api invokes ingest with
 * `{ type: 'preview', id, contentType, body }` (the bytes base64) and gets back `{ ok: true, preview }`,
 * or a refusal `{ ok: false, error }`: the source would be rejected (with ingest's reason), the payload is
 * invalid, or the preview is too large to return through Lambda. Anything else throws (a FunctionError).
 */
// zod/mini: the same validation, a fraction of full zod's size in the ingest bundle.
import * as z from 'zod/mini';
import { type SourceRejection, ValidationError } from '../errors';
import { describeIssues } from './invocation-issues';
import { type PreviewDeps, previewSource, type SheetPreview } from './preview';
import { MAX_PREVIEW_RESULT_BYTES, MAX_PREVIEW_SOURCE_BYTES } from './preview-limits';
import { isValidSheetId } from './source-key';

export const PREVIEW_TYPE = 'preview';

export const PreviewInvocationSchema = z.strictObject({
  type: z.literal(PREVIEW_TYPE, { error: `must be "${PREVIEW_TYPE}"` }),
  id: z
    .string({ error: 'must be a sheet id (string)' })
    .check(z.refine(isValidSheetId, 'must be 1–64 characters of a-z, 0-9 and -')),
  contentType: z.enum(['text/plain', 'text/html'], { error: 'must be text/plain or text/html' }),
  body: z
    .base64({ error: 'must be the source bytes, base64' })
    .check(z.maxLength(Math.ceil(MAX_PREVIEW_SOURCE_BYTES / 3) * 4, 'is over the preview size limit')),
});

export type PreviewInvocation = z.infer<typeof PreviewInvocationSchema>;

export type PreviewErrorCode = 'invalid-source' | 'validation' | 'result-too-large';

export type PreviewInvocationResult =
  | { ok: true; preview: SheetPreview }
  | { ok: false; error: { code: PreviewErrorCode; message: string; reason?: SourceRejection } };

/** True for a direct invocation whose `type` names this one (its other fields are checked later). */
export function isPreviewInvocation(event: { type: unknown }): boolean {
  return event.type === PREVIEW_TYPE;
}

/** Checks the payload; throws ValidationError naming what is wrong. */
export function parsePreviewInvocation(event: unknown): PreviewInvocation {
  const parsed = PreviewInvocationSchema.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError(
      `not a preview invocation: ${describeIssues(parsed.error.issues)}`,
      'event',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/**
 * Validates the payload and runs `previewSource`. The result is measured before it is returned: Lambda
 * turns an oversized response into a function error, which the api could only report as an outage.
 */
export async function runPreviewInvocation(
  deps: PreviewDeps,
  event: unknown,
  options: { maxResultBytes?: number } = {},
): Promise<PreviewInvocationResult> {
  let request: PreviewInvocation;
  try {
    request = parsePreviewInvocation(event);
  } catch (err) {
    if (err instanceof ValidationError)
      return { ok: false, error: { code: 'validation', message: err.message } };
    throw err;
  }
  const bytes = Buffer.from(request.body, 'base64');
  const outcome = await previewSource(deps, { id: request.id, contentType: request.contentType, bytes });
  if (outcome.status === 'rejected') {
    return { ok: false, error: { code: 'invalid-source', reason: outcome.reason, message: outcome.message } };
  }
  const result: PreviewInvocationResult = { ok: true, preview: outcome.preview };
  const size = Buffer.byteLength(JSON.stringify(result), 'utf8');
  const limit = options.maxResultBytes ?? MAX_PREVIEW_RESULT_BYTES;
  if (size > limit) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const message =
      `The preview of this source would be ${mb(size)} MB of JSON; a preview returns at most ${mb(limit)} MB ` +
      `(${outcome.preview.sheet.sections.length} sections, ${outcome.preview.sheet.figures.length} figures). ` +
      'Upload it and read the result in parts, or split the sheet.';
    return { ok: false, error: { code: 'result-too-large', message } };
  }
  return result;
}
