/** Read routes over one sheet's latest revision, plus the sheet list (figure routes: figures.ts). */
import * as z from 'zod';
import { NotFoundError, ValidationError } from '../../errors';
import { defineRoute } from '../definition';
import { pageQuery, sectionIdParam, sheetIdParam } from '../params';
import { sectionDetailSchema, sectionListSchema, sheetDetailSchema, sheetListSchema } from '../schemas';
import { decodeCursor, encodeCursor } from '../scoped-cursor';
import { sectionSummaries, sheetSummary } from '../views';
import { notFound, problems } from './responses';

const idParams = z.object({ id: sheetIdParam });

export const listSheets = defineRoute({
  query: pageQuery,
  responses: { 200: { description: 'One page of sheets, by id', schema: sheetListSchema }, ...problems(400) },
  async handle({ query, deps }) {
    const page = await deps.sheets.listSheets({
      limit: query.limit,
      cursor: decodeCursor('sheets', query.cursor),
    });
    const items = page.items.filter((meta) => meta.latestRevision >= 1).map(sheetSummary);
    return { body: { items, nextCursor: encodeCursor('sheets', page.nextCursor) }, cache: 'latest' };
  },
});

export const getSheet = defineRoute({
  params: idParams,
  responses: {
    200: {
      description: 'META, the latest revision’s sections and the last error',
      schema: sheetDetailSchema,
    },
    ...problems(400),
    ...notFound('No such sheet, or it never published (the body then carries `lastError`)'),
  },
  async handle({ params, deps }) {
    const meta = await deps.reader.meta(params.id);
    const sections = await deps.reader.outline(params.id, meta.latestRevision);
    return { body: { ...sheetSummary(meta), sections }, cache: 'latest' };
  },
});

export const listSections = defineRoute({
  params: idParams,
  query: pageQuery,
  responses: {
    200: { description: 'One page of sections, in document order', schema: sectionListSchema },
    ...problems(400),
    ...notFound(),
  },
  async handle({ params, query, deps }) {
    const scope = `sections:${params.id}`;
    // The cursor pins the revision its first page came from, so later pages never mix two revisions.
    const position = decodeCursor(scope, query.cursor)?.match(/^([1-9]\d{0,8}):(\d{1,9})$/);
    if (query.cursor !== undefined && !position) throw new ValidationError('Invalid cursor', 'cursor');
    const meta = position ? undefined : await deps.reader.meta(params.id);
    const revisionNumber = position ? Number(position[1]) : (meta?.latestRevision ?? 0);
    const revision = await deps.reader.revision(params.id, revisionNumber);
    const start = position ? Number(position[2]) : 0;
    const all = sectionSummaries(revision);
    const end = start + query.limit;
    const next = end < all.length ? `${revisionNumber}:${end}` : undefined;
    return {
      body: {
        sheetId: params.id,
        revision: revisionNumber,
        items: all.slice(start, end),
        nextCursor: encodeCursor(scope, next),
      },
      // A later page addresses an immutable revision; the first one follows the latest pointer.
      cache: position ? 'immutable' : 'latest',
    };
  },
});

export const getSection = defineRoute({
  params: z.object({ id: sheetIdParam, sectionId: sectionIdParam }),
  responses: {
    200: { description: 'The section with its blocks', schema: sectionDetailSchema },
    ...problems(400),
    ...notFound(),
  },
  async handle({ params, deps }) {
    const { meta, revision } = await deps.reader.latest(params.id);
    const section = revision.sheet.sections.find((s) => s.id === params.sectionId);
    if (!section) throw new NotFoundError(`Sheet "${params.id}" has no section "${params.sectionId}"`);
    return { body: { sheetId: meta.id, revision: meta.latestRevision, ...section }, cache: 'latest' };
  },
});
