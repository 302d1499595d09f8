/** Documented problem responses shared by route definitions. */
import type { ResponseDoc } from '../definition';
import { PROBLEM_CONTENT_TYPE } from '../problem';
import { problemSchema } from '../schemas';

const DESCRIPTIONS: Record<number, string> = {
  400: 'A path or query parameter is invalid; `parameter` names it',
  401: 'Missing or malformed `Authorization: Bearer` header',
  403: 'The token is not valid',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Body larger than the limit',
  415: 'Unsupported content type or charset',
  422: 'The body cannot become a sheet (empty, binary, invalid UTF-8)',
  429: 'Throttled',
};

function problem(description: string): ResponseDoc {
  return { description, schema: problemSchema, contentType: PROBLEM_CONTENT_TYPE };
}

/** Problem responses for the given statuses. */
export function problems(...statuses: number[]): Record<number, ResponseDoc> {
  return Object.fromEntries(statuses.map((s) => [s, problem(DESCRIPTIONS[s] ?? 'Error')]));
}

export function notFound(description = DESCRIPTIONS[404]!): Record<number, ResponseDoc> {
  return { 404: problem(description) };
}
