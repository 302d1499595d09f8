/** Revision history, one full revision, and diffs between revisions. */
import * as z from 'zod';
import { ConflictError, ValidationError } from '../../errors';
import type { DiffSummary } from '../../store/ports';
import { decodeCursor, encodeCursor } from '../cursor';
import { defineRoute } from '../definition';
import { diffQuery, pageQuery, revisionParam, sheetIdParam } from '../params';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { diffSchema, problemSchema, revisionListSchema, revisionSchema } from '../schemas';
import { notFound, problems } from './responses';

export const listRevisions = defineRoute({
  params: z.object({ id: sheetIdParam }),
  query: pageQuery,
  responses: {
    200: { description: 'Revision headers, newest first', schema: revisionListSchema },
    ...problems(400),
    ...notFound(),
  },
  async handle({ params, query, deps }) {
    await deps.reader.meta(params.id);
    const scope = `revisions:${params.id}`;
    const page = await deps.sheets.listRevisions(params.id, {
      limit: query.limit,
      cursor: decodeCursor(scope, query.cursor),
    });
    return {
      body: { sheetId: params.id, items: page.items, nextCursor: encodeCursor(scope, page.nextCursor) },
      cache: 'latest',
    };
  },
});

export const getRevision = defineRoute({
  params: z.object({ id: sheetIdParam, rev: revisionParam }),
  responses: {
    200: { description: 'The revision header and its full parsed sheet', schema: revisionSchema },
    ...problems(400),
    ...notFound(),
    413: {
      description:
        'The revision is too large for one response (a Lambda response carries at most 6 MB; this API ' +
        'stops at 5.5 MB). Read the sheet in parts instead: `/sheets/{id}` (metadata and section list, ' +
        'without the text), `/sheets/{id}/sections/{sectionId}`, `/sheets/{id}/figures`, and ' +
        '`/sheets/{id}/diff` for what changed between revisions',
      schema: problemSchema,
      contentType: PROBLEM_CONTENT_TYPE,
    },
  },
  async handle({ params, deps }) {
    const stored = await deps.reader.revision(params.id, params.rev);
    return { body: { header: stored.header, sheet: stored.sheet }, cache: 'immutable' };
  },
});

export const getDiff = defineRoute({
  params: z.object({ id: sheetIdParam }),
  query: diffQuery,
  responses: {
    200: { description: 'Figures and sections added, removed and changed', schema: diffSchema },
    ...problems(400, 409),
    ...notFound(),
  },
  async handle({ params, query, deps }) {
    const explicit = query.from !== undefined && query.to !== undefined;
    const to = query.to ?? (await deps.reader.meta(params.id)).latestRevision;
    const from = query.from ?? to - 1;
    if (from < 1) {
      throw new ConflictError(`Sheet "${params.id}" has only revision ${to}: nothing to compare yet`);
    }
    if (from >= to) throw new ValidationError('from must be lower than to', 'from');
    const newer = await deps.reader.revision(params.id, to);
    const older = await deps.reader.revision(params.id, from);
    let diff: DiffSummary | null = from === to - 1 ? newer.header.diff : null;
    // A stored summary too large for its item left its figure lists out: recompute rather than answer
    // (and cache as immutable) empty lists.
    if (!diff || diff.figuresOmitted) {
      if (!deps.diff) throw new Error('No diff function configured');
      diff = deps.diff(older, newer);
    }
    return { body: diff, cache: explicit ? 'immutable' : 'latest' };
  },
});
