/** Health, the OpenAPI document and the documentation page. */
import * as z from 'zod';
import { defineRoute } from '../definition';
import { DOCS_CSP, DOCS_HTML, docsAsset } from '../docs';
import { assetParam } from '../params';
import { healthSchema, openApiDocumentSchema } from '../schemas';
import { notFound, problems } from './responses';

export const getHealth = defineRoute({
  responses: {
    200: { description: 'Up, and the store answers', schema: healthSchema },
    503: { description: 'Up, but the store does not answer', schema: healthSchema },
  },
  async handle({ deps }) {
    let store: 'ok' | 'unreachable' = 'ok';
    try {
      await deps.ping?.();
    } catch {
      store = 'unreachable';
    }
    return {
      status: store === 'ok' ? 200 : 503,
      body: { status: store === 'ok' ? 'ok' : 'degraded', store, time: new Date().toISOString() },
      cache: 'no-store',
    };
  },
});

export const getOpenApi = defineRoute({
  responses: { 200: { description: 'OpenAPI 3.1 document', schema: openApiDocumentSchema } },
  async handle({ request, deps }) {
    if (!deps.openApi) throw new Error('OpenAPI document generator not configured');
    return { body: deps.openApi(request.basePath ?? ''), cache: 'latest' };
  },
});

export const getDocs = defineRoute({
  responses: { 200: { description: 'Swagger UI page', contentType: 'text/html' } },
  async handle() {
    return {
      raw: {
        statusCode: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': DOCS_CSP },
        body: DOCS_HTML,
      },
      cache: 'static',
    };
  },
});

export const getDocsAsset = defineRoute({
  params: z.object({ asset: assetParam }),
  responses: {
    200: {
      description: 'Stylesheet, script or image of the docs page',
      contentType: 'application/octet-stream',
    },
    ...problems(400),
    ...notFound(),
  },
  async handle({ params }) {
    const asset = docsAsset(params.asset);
    return {
      raw: { statusCode: 200, headers: { 'Content-Type': asset.contentType }, body: asset.body },
      cache: 'static',
    };
  },
});
