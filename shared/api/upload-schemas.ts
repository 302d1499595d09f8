/** Schemas of the upload resource's bodies and parameters, registered as OpenAPI components. */
import * as z from 'zod';
import { cursorParam, limitParam, sheetIdParam } from './params';
import { componentRegistry } from './schemas';

export const uploadIdParam = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the uploaded bytes, 64 lowercase hex digits')
  .describe('Upload id: the SHA-256 hex of the uploaded bytes');

export const uploadParams = z.object({ id: sheetIdParam, uploadId: uploadIdParam });
export const uploadListQuery = z.object({ limit: limitParam, cursor: cursorParam.optional() });

export const uploadSchema = z.object({
  sheetId: z.string(),
  uploadId: z.string(),
  status: z.enum(['pending', 'published', 'unchanged', 'superseded', 'rejected']),
  uploadedAt: z.string().describe('ISO 8601 timestamp'),
  decidedAt: z.string().optional().describe('When ingest decided; absent while pending'),
  key: z.string().optional(),
  bytes: z.number().int().optional(),
  revision: z.number().int().optional().describe('published: the new revision; unchanged: the latest'),
  reason: z.string().optional().describe('rejected: why, e.g. `no-content`'),
  message: z.string().optional().describe('rejected: the whole explanation'),
  supersededBy: z.string().optional().describe('superseded: the upload that won, when known'),
  location: z.string().optional().describe('published or unchanged: the revision to read'),
});
componentRegistry.add(uploadSchema, {
  id: 'Upload',
  description:
    'What became of an upload: `pending` until ingest decides, then `published` (a new revision), ' +
    '`unchanged` (identical to the latest revision), `superseded` (a newer upload won) or `rejected`',
});

export const uploadListSchema = z.object({ items: z.array(uploadSchema), nextCursor: z.string().optional() });
componentRegistry.add(uploadListSchema, { id: 'UploadList' });
