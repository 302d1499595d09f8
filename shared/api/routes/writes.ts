/** Authenticated writes: upload a source document, reprocess a sheet. */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { DEFAULT_MAX_SOURCE_BYTES } from '../../config';
import { sourceKeyFor } from '../../pipeline/source-key';
import { defineRoute } from '../definition';
import { sheetIdParam } from '../params';
import { reprocessResultSchema, uploadAcceptedSchema } from '../schemas';
import { readUploadBody, UPLOAD_CONTENT_TYPES } from '../upload';
import { notFound, problems } from './responses';

const idParams = z.object({ id: sheetIdParam });
const auth = problems(401, 403);

export const uploadSheetSource = defineRoute({
  params: idParams,
  body: {
    description: 'The fact sheet as plain text or HTML, UTF-8',
    contentTypes: [...UPLOAD_CONTENT_TYPES],
    maxBytes: DEFAULT_MAX_SOURCE_BYTES,
  },
  responses: {
    202: {
      description:
        'Stored; ingest decides shortly. Poll the Location (the upload resource) until it is no longer pending',
      schema: uploadAcceptedSchema,
      headers: { Location: 'The upload to poll: /sheets/{id}/uploads/{uploadId}' },
    },
    ...problems(400),
    ...auth,
    ...problems(413, 415, 422),
  },
  async handle({ params, request, deps }) {
    const { contentType, bytes } = readUploadBody(request, deps.maxSourceBytes);
    const key = sourceKeyFor(params.id, contentType);
    const uploadId = createHash('sha256').update(bytes).digest('hex');
    // Before the bytes: ingest (started by their S3 event) must find the pending record to decide on.
    await deps.uploads?.recordPending({
      sheetId: params.id,
      uploadId,
      key,
      bytes: bytes.byteLength,
      uploadedAt: new Date().toISOString(),
    });
    await deps.blobs.put(key, bytes, `${contentType}; charset=utf-8`);
    deps.reader.invalidate(params.id);
    const location = `${request.basePath ?? ''}/sheets/${params.id}/uploads/${uploadId}`;
    return {
      status: 202,
      headers: { Location: location },
      body: {
        id: params.id,
        uploadId,
        key,
        status: 'accepted',
        location,
        message: `Poll GET ${location} until its status is no longer pending`,
      },
      cache: 'no-store',
    };
  },
});

export const reprocessSheet = defineRoute({
  params: idParams,
  responses: {
    200: { description: 'Reprocessed (or already current)', schema: reprocessResultSchema },
    ...problems(400),
    ...auth,
    ...notFound(),
    ...problems(409),
  },
  async handle({ params, request, deps }) {
    if (!deps.reprocess) throw new Error('reprocess is not configured');
    await deps.reader.meta(params.id);
    const outcome = await deps.reprocess(params.id);
    deps.reader.invalidate(params.id);
    return {
      body: {
        id: params.id,
        status: outcome.status,
        revision: outcome.revision,
        location: `${request.basePath ?? ''}/sheets/${params.id}/revisions/${outcome.revision}`,
      },
      cache: 'no-store',
    };
  },
});
