/**
 * `POST /sheets/{id}/preview`: the upload route's body, parsed and diffed by the ingest function without
 * publishing, so an editor sees what an upload would change before making it.
 */
import * as z from 'zod';
import { DEFAULT_MAX_SOURCE_BYTES } from '../../config';
import { PayloadTooLargeError } from '../../errors';
import { MAX_PREVIEW_SOURCE_BYTES } from '../../pipeline/preview-limits';
import { defineRoute } from '../definition';
import { sheetIdParam } from '../params';
import { sheetPreviewSchema } from '../preview-schemas';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { MAX_RESPONSE_BYTES, proxyBodyBytes } from '../response-size';
import { problemSchema } from '../schemas';
import { readUploadBody, UPLOAD_CONTENT_TYPES } from '../upload';
import { problems } from './responses';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** A body the ingest function cannot be invoked with, even when the upload limit would take it. */
function checkInvokable(body: Uint8Array | undefined): void {
  const bytes = body?.byteLength ?? 0;
  if (bytes <= MAX_PREVIEW_SOURCE_BYTES) return;
  throw new PayloadTooLargeError(
    `Body is ${bytes} bytes; a preview takes at most ${MAX_PREVIEW_SOURCE_BYTES} (it travels to the ingest ` +
      'function in one Lambda invocation of at most 6 MB, base64). Upload it with PUT /sheets/{id}/source instead.',
  );
}

export const previewSheetSource = defineRoute({
  params: z.object({ id: sheetIdParam }),
  body: {
    description: 'The fact sheet as plain text or HTML, UTF-8: exactly what PUT /sheets/{id}/source takes',
    contentTypes: [...UPLOAD_CONTENT_TYPES],
    maxBytes: DEFAULT_MAX_SOURCE_BYTES,
  },
  responses: {
    200: {
      description:
        'What publishing these bytes would produce: the parsed sheet and its diff to the latest revision',
      schema: sheetPreviewSchema,
    },
    ...problems(400, 401, 403),
    413: {
      description:
        'The body is over the upload limit (or the preview limit, when that is lower), or the preview would ' +
        `be too large to return (over ${mb(MAX_RESPONSE_BYTES)} MB of JSON)`,
      schema: problemSchema,
      contentType: PROBLEM_CONTENT_TYPE,
    },
    ...problems(415),
    422: {
      description:
        'Ingest would reject these bytes; `reason` is the code an upload’s `rejected` outcome would carry ' +
        '(`empty`, `binary`, `invalid-utf8`, `no-content`, `too-deep`, `too-many-figures`)',
      schema: problemSchema,
      contentType: PROBLEM_CONTENT_TYPE,
    },
    503: {
      description: 'The ingest function failed or was throttled: retry after `Retry-After` seconds',
      schema: problemSchema,
      contentType: PROBLEM_CONTENT_TYPE,
    },
  },
  async handle({ params, request, deps }) {
    if (!deps.preview) throw new Error('preview is not configured');
    checkInvokable(request.body);
    const { contentType, bytes } = readUploadBody(request, deps.maxSourceBytes);
    const preview = await deps.preview({ id: params.id, contentType, bytes });
    const body = JSON.stringify(preview);
    const size = proxyBodyBytes(body);
    if (size > MAX_RESPONSE_BYTES) {
      throw new PayloadTooLargeError(
        `The preview would be ${mb(size)} MB; one response carries at most ${mb(MAX_RESPONSE_BYTES)} MB ` +
          `(${preview.sheet.sections.length} sections, ${preview.sheet.figures.length} figures). Upload the ` +
          'sheet and read it in parts, or split it.',
      );
    }
    const headers = { 'Content-Type': 'application/json; charset=utf-8' };
    return { raw: { statusCode: 200, headers, body }, cache: 'no-store' };
  },
});
