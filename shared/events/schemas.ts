/**
 * The events' JSON Schemas, versioned by `schemaVersion` and by component name (`…V1`): zod schemas
 * registered in the API's component registry, so they appear in the OpenAPI document under
 * `components.schemas`, and the notify function checks incoming messages with the same objects.
 */
import * as z from 'zod';
import { kindParam } from '../api/params';
import { componentRegistry } from '../api/schemas';
import { EVENT_SCHEMA_VERSION, EVENT_TYPES } from './types';

function component<T extends z.ZodType>(id: string, schema: T, description: string): T {
  componentRegistry.add(schema, { id, description });
  return schema;
}

const isoTime = z.string().describe('ISO 8601 timestamp');

export const eventFigureSchema = component(
  'EventFigureV1',
  z.object({
    key: z.string(),
    kind: kindParam,
    value: z.union([z.number(), z.string()]),
    unit: z.string().optional(),
    text: z.string(),
    sectionId: z.string(),
  }),
  'A figure as events name it: `key` is stable across revisions (the figure id where no key exists)',
);

export const eventDiffSchema = component(
  'EventDiffSummaryV1',
  z.object({
    added: z.array(eventFigureSchema),
    removed: z.array(eventFigureSchema),
    changed: z.array(z.object({ key: z.string(), before: eventFigureSchema, after: eventFigureSchema })),
    sections: z.object({
      added: z.array(z.string()),
      removed: z.array(z.string()),
      changed: z.array(z.string()),
    }),
    truncated: z.literal(true).optional(),
  }),
  'What a revision changed; `truncated` when figure lists were cut (GET /sheets/{id}/diff has all)',
);

function envelope<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.object({
    id: z.string().describe('Stable per occurrence: the same event re-emitted keeps its id (dedupe on it)'),
    type: z.literal(type),
    schemaVersion: z.literal(EVENT_SCHEMA_VERSION),
    time: isoTime,
    data,
  });
}

export const revisionPublishedSchema = component(
  'SheetRevisionPublishedEventV1',
  envelope(
    'sheet.revision.published',
    z.object({
      sheetId: z.string(),
      country: z.string().nullable(),
      title: z.string().nullable(),
      revision: z.number().int().min(1),
      previousRevision: z.number().int().min(1).nullable(),
      reason: z.enum(['upload', 'refresh', 'reprocess']),
      publishedAt: isoTime,
      sourceHash: z.string(),
      diff: eventDiffSchema.nullable(),
    }),
  ),
  'A sheet published a new revision',
);

export const uploadRejectedSchema = component(
  'SheetUploadRejectedEventV1',
  envelope(
    'sheet.upload.rejected',
    z.object({
      sheetId: z.string(),
      uploadId: z.string().nullable().describe('sha256 (hex) of the refused bytes'),
      key: z.string(),
      reason: z.string(),
      message: z.string(),
    }),
  ),
  'An upload (or refreshed source) was refused; the previous revision keeps serving',
);

export const refreshFailedSchema = component(
  'SourceRefreshFailedEventV1',
  envelope(
    'source.refresh.failed',
    z.object({
      sourceId: z.string(),
      url: z.string(),
      status: z.literal('failed'),
      reason: z.string(),
      message: z.string(),
    }),
  ),
  'A registered source could not be fetched',
);

export const pingSchema = component(
  'PingEventV1',
  envelope('ping', z.object({ subscriptionId: z.string(), message: z.string() })),
  'A test delivery (POST /subscriptions/{id}/test)',
);

export const anyEventSchema = z.discriminatedUnion('type', [
  revisionPublishedSchema,
  uploadRejectedSchema,
  refreshFailedSchema,
  pingSchema,
]);

export const eventTypeSchema = z.enum(EVENT_TYPES);
