/** Cross-sheet figure queries over the latest revisions (GSI, never Scan). */
import { decodeCursor, encodeCursor } from '../cursor';
import { defineRoute } from '../definition';
import { figuresQuery } from '../params';
import { figureQueryResultSchema } from '../schemas';
import { problems } from './responses';

export const queryFigures = defineRoute({
  query: figuresQuery,
  responses: {
    200: {
      description: 'Matching figures of every sheet’s latest revision',
      schema: figureQueryResultSchema,
    },
    ...problems(400),
  },
  async handle({ query, deps }) {
    const scope = `figures:${query.kind}:${query.fiscalYear ?? ''}:${query.country ?? ''}`;
    const page = await deps.reader.queryFigures({
      kind: query.kind as never,
      fiscalYear: query.fiscalYear,
      country: query.country,
      limit: query.limit,
      cursor: decodeCursor(scope, query.cursor),
    });
    return { body: { items: page.items, nextCursor: encodeCursor(scope, page.nextCursor) }, cache: 'latest' };
  },
});
