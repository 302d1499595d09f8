/**
 * The OpenAPI 3.1 document, generated from the topology routes and the same zod schemas the router
 * validates with: components from the schema registry, parameters from each route's params/query schema.
 */
import * as z from 'zod';
import type { RouteSpec } from '../topology';
import type { RouteDefinition } from './definition';
import { componentRegistry } from './schemas';

type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function components(): Record<string, JsonSchema> {
  const generated = z.toJSONSchema(componentRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
  });
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => [id, clean(schema as JsonSchema)]),
  );
}

function refFor(schema: z.ZodType): JsonSchema {
  const meta = componentRegistry.get(schema);
  if (meta) return { $ref: `${COMPONENT_PREFIX}${meta.id}` };
  return clean(z.toJSONSchema(schema) as JsonSchema);
}

function parameters(definition: RouteDefinition): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', definition.params],
    ['query', definition.query],
  ] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: 'input' }) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description !== undefined && { description }),
        schema: rest,
      });
    }
  }
  return out;
}

function operation(spec: RouteSpec, definition: RouteDefinition): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, doc] of Object.entries(definition.responses)) {
    const contentType = doc.contentType ?? 'application/json';
    responses[status] = {
      description: doc.description,
      ...(doc.headers && {
        headers: Object.fromEntries(
          Object.entries(doc.headers).map(([name, description]) => [
            name,
            { description, schema: { type: 'string' } },
          ]),
        ),
      }),
      ...((doc.schema || doc.contentType) && {
        content: {
          [contentType]: { schema: doc.schema ? refFor(doc.schema) : {} },
          ...Object.fromEntries(
            (doc.alternatives ?? []).map((type) => [type, { schema: { type: 'string' } }]),
          ),
        },
      }),
    };
  }
  const parameterList = parameters(definition);
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    tags: [spec.path.split('/')[1] ?? 'api'],
    ...(parameterList.length > 0 && { parameters: parameterList }),
    ...(definition.body && {
      requestBody: {
        required: true,
        description: definition.body.description,
        content: Object.fromEntries(
          definition.body.contentTypes.map((type) => [
            type,
            { schema: type === 'application/json' ? { type: 'object' } : { type: 'string' } },
          ]),
        ),
      },
    }),
    ...(spec.auth && { security: [{ bearerAuth: [] }] }),
    responses,
  };
}

/** Builds the document. `basePath` (e.g. `/prod`) becomes the server URL so "Try it out" works. */
export function buildOpenApiDocument(
  routes: readonly RouteSpec[],
  definitions: Readonly<Record<string, RouteDefinition>>,
  basePath = '',
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const definition = definitions[spec.operationId];
    if (!definition) throw new Error(`No definition for route ${spec.operationId}`);
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method.toLowerCase()] = operation(spec, definition);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fact sheets API',
      version: '1.0.0',
      description:
        'U.S. bilateral-relations fact sheets as structured, versioned data. Reads are public; every GET ' +
        'carries an ETag (send If-None-Match for 304) and Cache-Control: revision-addressed reads are ' +
        'immutable, latest-pointer reads may be up to `max-age` seconds stale. Errors are RFC 9457 ' +
        '`application/problem+json`. Writes need `Authorization: Bearer <token>`.',
    },
    servers: [{ url: basePath === '' ? '/' : basePath }],
    paths,
    components: {
      schemas: components(),
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}
