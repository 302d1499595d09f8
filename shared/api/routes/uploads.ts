/**
 * The upload resource: what became of each `PUT /sheets/{id}/source`. Never cached (`no-store`) and read
 * consistently, so a client polling it learns the outcome as soon as ingest records it.
 */
import * as z from 'zod';
import { NotFoundError } from '../../errors';
import type { UploadRecord, UploadRepository } from '../../store/upload-ports';
import type { RouteDeps } from '../definition';
import { defineRoute } from '../definition';
import { sheetIdParam } from '../params';
import { decodeCursor, encodeCursor } from '../scoped-cursor';
import { uploadListQuery, uploadListSchema, uploadParams, uploadSchema } from '../upload-schemas';
import { notFound, problems } from './responses';

function store(deps: RouteDeps): UploadRepository {
  if (!deps.uploads) throw new Error('upload records are not configured');
  return deps.uploads;
}

function view(record: UploadRecord, basePath: string) {
  const decidedRevision =
    (record.status === 'published' || record.status === 'unchanged') && record.revision !== undefined;
  return {
    ...record,
    ...(decidedRevision && {
      location: `${basePath}/sheets/${record.sheetId}/revisions/${record.revision}`,
    }),
  };
}

export const getUpload = defineRoute({
  params: uploadParams,
  responses: {
    200: { description: 'The upload and its outcome', schema: uploadSchema },
    ...problems(400),
    ...notFound('No upload of these bytes for this sheet'),
  },
  async handle({ params, request, deps }) {
    const record = await store(deps).get(params.id, params.uploadId);
    if (!record) {
      throw new NotFoundError(`Sheet "${params.id}" has no upload ${params.uploadId}`);
    }
    return { body: view(record, request.basePath ?? ''), cache: 'no-store' };
  },
});

export const listUploads = defineRoute({
  params: z.object({ id: sheetIdParam }),
  query: uploadListQuery,
  responses: {
    200: { description: 'The sheet’s uploads, most recent first', schema: uploadListSchema },
    ...problems(400),
  },
  async handle({ params, query, request, deps }) {
    const scope = `uploads:${params.id}`;
    const page = await store(deps).list(params.id, {
      limit: query.limit,
      cursor: decodeCursor(scope, query.cursor),
    });
    const items = page.items.map((r) => view(r, request.basePath ?? ''));
    return { body: { items, nextCursor: encodeCursor(scope, page.nextCursor) }, cache: 'no-store' };
  },
});
