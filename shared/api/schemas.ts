/**
 * Zod schemas of every response body, registered as OpenAPI components (by id). Route definitions name
 * them; shared/api/openapi.ts generates the document's components from the same objects.
 */
import * as z from 'zod';
import { kindParam } from './params';

/** Response schemas registered here become `#/components/schemas/{id}`. */
export const componentRegistry = z.registry<{ id: string; description?: string }>();

export function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  componentRegistry.add(schema, { id, description });
  return schema;
}

/** One page of a cursor-paginated list: `items`, and `nextCursor` unless it is the last page. */
export function pageComponent<T extends z.ZodType>(id: string, item: T) {
  return component(id, z.object({ items: z.array(item), nextCursor: z.string().optional() }));
}

// ---- documents ----------------------------------------------------------------------------------------

export const isoTime = z.string().describe('ISO 8601 timestamp');

export const periodSchema = component(
  'Period',
  z.union([
    z.object({ fiscalYear: z.number().int() }),
    z.object({ fiscalYearFrom: z.number().int(), fiscalYearTo: z.number().int() }),
    z.object({ from: z.string(), to: z.string() }),
  ]),
);

export const figureSchema = component(
  'Figure',
  z.object({
    id: z.string().describe('Position in this revision (`f{n}`, text order)'),
    key: z.string().describe('Stable identity across revisions: names the figure in diffs and history'),
    kind: kindParam,
    value: z.union([z.number(), z.string()]),
    unit: z.string().optional(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    qualifier: z.enum(['approximately', 'over', 'under', 'nearly', 'at least', 'up to']).optional(),
    period: periodSchema.optional(),
    fiscal: z.boolean().optional(),
    to: z.string().optional(),
    sectionId: z.string(),
    sentence: z.string(),
  }),
  'A figure found in the sheet text; `text` is exactly `sheet.text.slice(start, end)`',
);

export const blockSchema = component(
  'Block',
  z.union([
    z.object({ type: z.literal('paragraph'), text: z.string() }),
    z.object({
      type: z.literal('list'),
      items: z.array(z.object({ text: z.string(), href: z.string().optional() })),
    }),
  ]),
);

export const sectionSchema = component(
  'Section',
  z.object({
    id: z.string(),
    heading: z.string().nullable(),
    level: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    blocks: z.array(blockSchema),
  }),
);

export const parsedSheetSchema = component(
  'ParsedSheet',
  z.object({
    id: z.string(),
    title: z.string().nullable(),
    country: z.string().nullable(),
    bureau: z.string().nullable(),
    publishedOn: z.string().nullable(),
    parserVersion: z.string(),
    sourceHash: z.string(),
    contentType: z.enum(['text/plain', 'text/html']),
    text: z.string(),
    sections: z.array(sectionSchema),
    figures: z.array(figureSchema),
  }),
);

export const sheetErrorSchema = component(
  'SheetError',
  z.object({ at: isoTime, key: z.string(), reason: z.string(), message: z.string() }),
  'The last input this sheet refused; the previous revision keeps serving',
);

const counts = z.object({ sections: z.number().int(), figures: z.number().int() });

export const sheetSummarySchema = component(
  'SheetSummary',
  z.object({
    id: z.string(),
    latestRevision: z.number().int(),
    title: z.string().nullable(),
    country: z.string().nullable(),
    bureau: z.string().nullable(),
    publishedOn: z.string().nullable(),
    contentType: z.enum(['text/plain', 'text/html']),
    sourceHash: z.string(),
    parserVersion: z.string(),
    counts,
    createdAt: isoTime,
    updatedAt: isoTime,
    lastError: sheetErrorSchema.optional(),
  }),
);

export const sectionSummarySchema = component(
  'SectionSummary',
  z.object({
    id: z.string(),
    heading: z.string().nullable(),
    level: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    blockCount: z.number().int(),
    figureCount: z.number().int(),
  }),
);

export const sheetDetailSchema = component(
  'SheetDetail',
  sheetSummarySchema.extend({ sections: z.array(sectionSummarySchema) }),
  'A sheet: META plus the latest revision’s section list',
);

export const sheetListSchema = pageComponent('SheetList', sheetSummarySchema);

export const sectionListSchema = component(
  'SectionList',
  z.object({
    sheetId: z.string(),
    revision: z.number().int(),
    items: z.array(sectionSummarySchema),
    nextCursor: z.string().optional(),
  }),
);

export const sectionDetailSchema = component(
  'SectionDetail',
  sectionSchema.extend({ sheetId: z.string(), revision: z.number().int() }),
);

export const figureListSchema = component(
  'FigureList',
  z.object({
    sheetId: z.string(),
    revision: z.number().int(),
    items: z.array(figureSchema),
    nextCursor: z.string().optional(),
  }),
);

const figureRef = z.object({
  id: z.string(),
  key: z.string().optional().describe('Absent only in summaries stored before figures had keys'),
  kind: kindParam,
  value: z.union([z.number(), z.string()]),
  unit: z.string().optional(),
  text: z.string(),
  sectionId: z.string(),
  sentence: z.string().optional(),
});

export const diffSchema = component(
  'Diff',
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    figures: z.object({
      added: z.array(figureRef),
      removed: z.array(figureRef),
      changed: z.array(z.object({ before: figureRef, after: figureRef })),
    }),
    sections: z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.string()),
    }),
  }),
);

export const revisionHeaderSchema = component(
  'RevisionHeader',
  z.object({
    id: z.string(),
    revision: z.number().int(),
    sourceHash: z.string(),
    archiveKey: z.string(),
    parserVersion: z.string(),
    contentType: z.enum(['text/plain', 'text/html']),
    reason: z.enum(['upload', 'reprocess', 'refresh']),
    createdAt: isoTime,
    title: z.string().nullable(),
    country: z.string().nullable(),
    counts,
    diff: diffSchema.nullable(),
  }),
);

export const revisionListSchema = component(
  'RevisionList',
  z.object({ sheetId: z.string(), items: z.array(revisionHeaderSchema), nextCursor: z.string().optional() }),
);

export const revisionSchema = component(
  'Revision',
  z.object({ header: revisionHeaderSchema, sheet: parsedSheetSchema }),
);

export const latestFigureSchema = component(
  'LatestFigure',
  figureSchema.extend({
    sheetId: z.string(),
    revision: z.number().int(),
    country: z.string().nullable(),
    sectionHeading: z.string().nullable().optional(),
    publishedOn: z.string().nullable().optional(),
  }),
);

export const figureQueryResultSchema = pageComponent('FigureQueryResult', latestFigureSchema);

export const healthSchema = component(
  'Health',
  z.object({ status: z.enum(['ok', 'degraded']), store: z.enum(['ok', 'unreachable']), time: isoTime }),
);

export const uploadAcceptedSchema = component(
  'UploadAccepted',
  z.object({
    id: z.string(),
    uploadId: z.string().describe('SHA-256 hex of the bytes: identical bytes name the same upload'),
    key: z.string(),
    status: z.literal('accepted'),
    location: z.string(),
    message: z.string(),
  }),
  'The source was stored; ingest runs from the S3 event. Poll `location` (the upload) for its outcome',
);

export const reprocessResultSchema = component(
  'ReprocessResult',
  z.object({
    id: z.string(),
    status: z.enum(['published', 'unchanged']),
    revision: z.number().int(),
    location: z.string(),
  }),
);

export const problemSchema = component(
  'Problem',
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    parameter: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
    reason: z.string().optional(),
    requestId: z.string().optional(),
    lastError: sheetErrorSchema.optional(),
    removedInRevision: z
      .number()
      .int()
      .optional()
      .describe('404 for a figure key: the revision that removed it'),
  }),
  'RFC 9457 problem details',
);

export const openApiDocumentSchema = component('OpenApiDocument', z.record(z.string(), z.unknown()));
