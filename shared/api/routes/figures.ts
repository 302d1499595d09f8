/**
 * Figure routes: a sheet's figures (paginated, JSON/CSV/NDJSON), one figure by key and its history, and
 * cross-sheet queries over every sheet's latest revision (GSI, never Scan).
 */
import * as z from 'zod';
import { FIGURE_KEY_PATTERN } from '../../pipeline/figure-keys';
import { countryKey } from '../../store/figure-index';
import { defineRoute } from '../definition';
import {
  acceptOf,
  CSV_CONTENT_TYPE,
  exportFormat,
  exportResult,
  NDJSON_CONTENT_TYPE,
} from '../figure-export';
import {
  crossSheetRows,
  historyOf,
  latestFigure,
  parseSheetFigureCursor,
  sheetFigureCursor,
  sheetRows,
} from '../figure-reads';
import { figureHistorySchema, sheetFigureSchema } from '../figure-schemas';
import { figuresQuery, sheetFiguresQuery, sheetIdParam } from '../params';
import { figureListSchema, figureQueryResultSchema } from '../schemas';
import { decodeCursor, encodeCursor } from '../scoped-cursor';
import { notFound, problems } from './responses';

const EXPORTS = [CSV_CONTENT_TYPE.split(';')[0]!, NDJSON_CONTENT_TYPE.split(';')[0]!];
const PAGE_HEADERS = {
  Link: 'RFC 8288 link to the next page (`rel="next"`), absent on the last page',
  'X-Next-Cursor': 'CSV and NDJSON: the next page’s cursor, absent on the last page',
};

const keyParams = z.object({
  id: sheetIdParam,
  key: z
    .string()
    .regex(FIGURE_KEY_PATTERN, 'must be a figure key such as r1-12')
    .describe('Figure key, stable across revisions, e.g. `r1-12`'),
});

export const listSheetFigures = defineRoute({
  params: z.object({ id: sheetIdParam }),
  query: sheetFiguresQuery,
  responses: {
    200: {
      description: 'One page of figures in text order; a cursor keeps to the revision the first page read',
      schema: figureListSchema,
      alternatives: EXPORTS,
      headers: PAGE_HEADERS,
    },
    ...problems(400),
    ...notFound(),
  },
  async handle({ params, query, request, deps }) {
    const scope = `sheet-figures:${params.id}:${query.kind ?? ''}:${query.sectionId ?? ''}`;
    const stored = decodeCursor(scope, query.cursor);
    const at = stored === undefined ? undefined : parseSheetFigureCursor(stored);
    const revision = at?.revision ?? (await deps.reader.meta(params.id)).latestRevision;
    const { sheet } = await deps.reader.revision(params.id, revision);
    const matching = sheet.figures.filter(
      (f) =>
        (query.kind === undefined || f.kind === query.kind) &&
        (query.sectionId === undefined || f.sectionId === query.sectionId),
    );
    const offset = at?.offset ?? 0;
    const items = matching.slice(offset, offset + query.limit);
    const more = offset + query.limit < matching.length;
    const nextCursor = more
      ? encodeCursor(scope, sheetFigureCursor(revision, offset + query.limit))
      : undefined;
    return exportResult(request, exportFormat(query.format, acceptOf(request)), {
      json: { sheetId: params.id, revision, items, ...(nextCursor && { nextCursor }) },
      items,
      rows: () => sheetRows(deps, params.id, revision, items),
      ...(nextCursor && { nextCursor }),
    });
  },
});

export const getSheetFigure = defineRoute({
  params: keyParams,
  responses: {
    200: { description: 'The figure as the latest revision has it', schema: sheetFigureSchema },
    ...problems(400),
    ...notFound('No such sheet or key; a removed figure’s problem names `removedInRevision`'),
  },
  async handle({ params, deps }) {
    const { revision, figure } = await latestFigure(deps, params.id, params.key);
    return { body: { ...figure, sheetId: params.id, revision }, cache: 'latest' };
  },
});

export const getFigureHistory = defineRoute({
  params: keyParams,
  responses: {
    200: { description: 'The figure through every revision, oldest first', schema: figureHistorySchema },
    ...problems(400),
    ...notFound('No such sheet, or no revision ever held this key'),
  },
  async handle({ params, deps }) {
    const items = await historyOf(deps, params.id, params.key);
    return { body: { sheetId: params.id, key: params.key, items }, cache: 'latest' };
  },
});

export const queryFigures = defineRoute({
  query: figuresQuery,
  responses: {
    200: {
      description:
        'Matching figures of every sheet’s latest revision, ordered by sheet id, then position in the ' +
        'sheet. A page is short only when it is the last.',
      schema: figureQueryResultSchema,
      alternatives: EXPORTS,
      headers: PAGE_HEADERS,
    },
    ...problems(400),
  },
  async handle({ query, request, deps }) {
    const sheets = query.sheet === undefined ? undefined : [...new Set(query.sheet)].sort();
    const country = query.country === undefined ? undefined : countryKey(query.country);
    const scope = `figures:${query.kind ?? ''}:${query.fiscalYear ?? ''}:${country ?? ''}:${sheets?.join(',') ?? ''}`;
    const page = await deps.reader.queryFigures({
      ...(query.kind !== undefined && { kind: query.kind as never }),
      ...(query.fiscalYear !== undefined && { fiscalYear: query.fiscalYear }),
      ...(country !== undefined && { country }),
      ...(sheets !== undefined && { sheets }),
      limit: query.limit,
      cursor: decodeCursor(scope, query.cursor),
    });
    const nextCursor = encodeCursor(scope, page.nextCursor);
    return exportResult(request, exportFormat(query.format, acceptOf(request)), {
      json: { items: page.items, ...(nextCursor && { nextCursor }) },
      items: page.items,
      rows: () => crossSheetRows(deps, page.items),
      ...(nextCursor && { nextCursor }),
    });
  },
});
