/** The schema of `POST /sheets/{id}/preview`'s answer, registered as an OpenAPI component. */
import * as z from 'zod';
import { component, diffSchema, parsedSheetSchema } from './schemas';

export const sheetPreviewSchema = component(
  'SheetPreview',
  z.object({
    id: z.string(),
    uploadId: z
      .string()
      .describe('SHA-256 hex of the bytes: the upload resource’s id for them, once uploaded'),
    parserVersion: z.string().describe('The parser that produced this preview'),
    latestRevision: z.number().int().nullable().describe('The sheet’s latest revision; null for a new sheet'),
    unchanged: z
      .boolean()
      .describe(
        'The bytes are the latest revision’s source (same `sourceHash`): an upload of them is `unchanged` ' +
          'unless the parser changed since, when it republishes them (the diff then shows what the parser changed)',
      ),
    sheet: parsedSheetSchema.describe(
      'The sheet as publishing would store it, each figure with the key it would get',
    ),
    diff: diffSchema
      .nullable()
      .describe(
        'Latest revision → this preview (as `latestRevision + 1`), as GET /sheets/{id}/diff; null for a new sheet',
      ),
  }),
  'What an upload of these bytes would publish, computed by the ingest function without writing anything',
);
