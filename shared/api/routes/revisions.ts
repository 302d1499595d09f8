/** Revision history, one full revision, and diffs between revisions. */
import * as z from 'zod';
import { ConflictError, ValidationError } from '../../errors';
import type { DiffSummary } from '../../store/ports';
import { decodeCursor, encodeCursor } from '../cursor';
import { defineRoute } from '../definition';
import { diffQuery, pageQuery, revisionParam, sheetIdParam } from '../params';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { MAX_RESPONSE_BYTES, proxyBodyBytes } from '../response-size';
import { diffSchema, problemSchema, revisionListSchema, revisionSchema } from '../schemas';
import { notFound, problems } from './responses';

/** How long the pre-signed URL of an oversized revision stays valid. */
export const REDIRECT_SECONDS = 300;

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
    307: {
      description:
        'The revision is too large for one response (a Lambda response carries at most 6 MB; this API ' +
        'stops at 5.5 MB): `Location` is a pre-signed URL of the same JSON document, valid for ' +
        `${REDIRECT_SECONDS / 60} minutes (gzip, \`Content-Encoding: gzip\`). Follow it without adding ` +
        'headers: it needs no token, and the object store answers it without CORS (locally it refuses any ' +
        'request with an `Origin` header), so a browser must navigate to it or fetch it server-side',
      headers: { Location: 'The pre-signed URL of the revision document' },
    },
    413: {
      description:
        'The revision is too large for one response (over 5.5 MB) and has no document to redirect to ' +
        '(stored before revision documents). Read the sheet in parts instead: `/sheets/{id}` (metadata and section list, ' +
        'without the text), `/sheets/{id}/sections/{sectionId}`, `/sheets/{id}/figures`, and ' +
        '`/sheets/{id}/diff` for what changed between revisions',
      schema: problemSchema,
      contentType: PROBLEM_CONTENT_TYPE,
    },
  },
  async handle({ params, deps }) {
    const stored = await deps.reader.revision(params.id, params.rev);
    const body = JSON.stringify({ header: stored.header, sheet: stored.sheet });
    if (proxyBodyBytes(body) > MAX_RESPONSE_BYTES) {
      const url = await deps.sheets.revisionDocumentUrl?.(params.id, params.rev, REDIRECT_SECONDS);
      // Without a document the router answers 413 for this body, as for any oversized response.
      if (url) return { status: 307, body: undefined, headers: { Location: url }, cache: 'no-store' };
    }
    const headers = { 'Content-Type': 'application/json; charset=utf-8' };
    return { raw: { statusCode: 200, headers, body }, cache: 'immutable' };
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
