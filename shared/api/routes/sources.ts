/** The source registry: URLs the scheduled refresh fetches sheets from. */
import * as z from 'zod';
import { ValidationError } from '../../errors';
import { defineRoute, type RouteDeps } from '../definition';
import { header } from '../http';
import { parseJsonBody } from '../json-body';
import { pageQuery, sheetIdParam } from '../params';
import { decodeCursor, encodeCursor } from '../scoped-cursor';
import { sourceListSchema, sourceRegistrationSchema, sourceSchema } from '../source-schemas';
import type { SourcesApi } from '../sources-api';
import { sourceView } from '../views-source';
import { notFound, problems } from './responses';

const idParams = z.object({ id: sheetIdParam });
const auth = problems(401, 403);

function sources(deps: RouteDeps): SourcesApi {
  if (!deps.sources) throw new Error('The source registry is not configured');
  return deps.sources;
}

export const listSources = defineRoute({
  query: pageQuery,
  responses: {
    200: { description: 'Registered sources, by id', schema: sourceListSchema },
    ...problems(400),
  },
  async handle({ query, deps }) {
    const page = await sources(deps).list({
      limit: query.limit,
      cursor: decodeCursor('sources', query.cursor),
    });
    return {
      body: { items: page.items.map(sourceView), nextCursor: encodeCursor('sources', page.nextCursor) },
      cache: 'latest',
    };
  },
});

export const getSource = defineRoute({
  params: idParams,
  responses: { 200: { description: 'The source', schema: sourceSchema }, ...problems(400), ...notFound() },
  async handle({ params, deps }) {
    return { body: sourceView(await sources(deps).get(params.id)), cache: 'latest' };
  },
});

export const putSourceRegistration = defineRoute({
  params: idParams,
  body: {
    description:
      '`{"url": "https://…", "enabled": true}`; `enabled: false` keeps the source out of the schedule',
    contentTypes: ['application/json'],
  },
  responses: {
    200: { description: 'Updated', schema: sourceSchema },
    201: { description: 'Registered', schema: sourceSchema },
    ...problems(400),
    ...auth,
    ...problems(415),
  },
  async handle({ params, request, deps }) {
    const body = parseJsonBody(request, header(request, 'content-type'));
    const parsed = sourceRegistrationSchema.safeParse(body);
    if (!parsed.success) {
      const parameter = parsed.error.issues[0]?.path[0] === 'enabled' ? 'enabled' : 'url';
      throw new ValidationError(
        parameter === 'enabled' ? 'enabled must be true or false' : 'url must be an http(s) URL',
        parameter,
      );
    }
    const { url, enabled } = parsed.data;
    const { source, created } = await sources(deps).register(params.id, url, { enabled });
    return { status: created ? 201 : 200, body: sourceView(source), cache: 'no-store' };
  },
});

export const deleteSource = defineRoute({
  params: idParams,
  responses: { 204: { description: 'Removed' }, ...problems(400), ...auth, ...notFound() },
  async handle({ params, deps }) {
    await sources(deps).remove(params.id);
    return { status: 204, body: undefined, cache: 'no-store' };
  },
});

export const refreshSource = defineRoute({
  params: idParams,
  responses: {
    200: { description: 'Checked now; `lastStatus` says what happened', schema: sourceSchema },
    ...problems(400),
    ...auth,
    ...notFound(),
  },
  async handle({ params, deps }) {
    return { body: sourceView(await sources(deps).refresh(params.id)), cache: 'no-store' };
  },
});
