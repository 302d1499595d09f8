/**
 * Zod schemas of path parameters and query strings. The router validates with them and
 * shared/api/openapi.ts turns them into the document's parameters.
 */
import * as z from 'zod';
import { FIGURE_KINDS } from '../model';
import { SHEET_ID_PATTERN } from '../pipeline/source-key';

/** The rule of shared/pipeline/source-key.ts `isValidSheetId`, spelled as a pattern for the document. */
export const SECTION_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

export const sheetIdParam = z
  .string()
  .regex(SHEET_ID_PATTERN, 'must be 1–64 characters of a-z, 0-9 and -')
  .describe('Sheet id, e.g. `mali`');
export const sectionIdParam = z
  .string()
  .regex(SECTION_ID_PATTERN, 'must be a section slug')
  .describe('Section id (slug), e.g. `u-s-assistance-to-mali`');
export const revisionParam = z.coerce
  .number()
  .int('must be an integer')
  .min(1, 'must be ≥ 1')
  .max(99_999_999, 'is too large')
  .describe('Revision number, from 1');
export const assetParam = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'is not a documentation asset name')
  .describe('Asset file name');

export const limitParam = z.coerce
  .number()
  .int('must be an integer')
  .min(1, 'must be between 1 and 100')
  .max(100, 'must be between 1 and 100')
  .default(20)
  .describe('Page size, 1–100 (default 20)');
export const cursorParam = z
  .string()
  .min(1, 'must not be empty')
  .max(2048, 'is too long')
  .describe('Opaque cursor from the previous page’s `nextCursor`');
export const kindParam = z.enum(FIGURE_KINDS as [string, ...string[]]).describe('Figure kind');
export const fiscalYearParam = z.coerce
  .number()
  .int('must be an integer')
  .min(1900, 'must be between 1900 and 2200')
  .max(2200, 'must be between 1900 and 2200')
  .describe('Fiscal year the figure is tied to, e.g. 2021');
export const countryParam = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .describe('Country, without regard to case or a leading "the": `mali`, `The Gambia` or `gambia`');
export const sheetFilterParam = z
  .array(sheetIdParam)
  .max(50, 'may be given at most 50 times')
  .describe('Only these sheets; repeat for several (`sheet=mali&sheet=kenya`), at most 50');
export const formatParam = z
  .enum(['json', 'csv', 'ndjson'])
  .describe('Response format; overrides `Accept` (`text/csv`, `application/x-ndjson`, `application/json`)');

export const pageQuery = z.object({ limit: limitParam, cursor: cursorParam.optional() });
export const sheetFiguresQuery = z.object({
  kind: kindParam.optional(),
  sectionId: sectionIdParam.optional(),
  format: formatParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export const figuresQuery = z.object({
  kind: kindParam.optional(),
  fiscalYear: fiscalYearParam
    .optional()
    .describe('A fiscal year the figure covers: its fiscal year, or one inside its fiscal span'),
  country: countryParam.optional(),
  sheet: sheetFilterParam.optional(),
  format: formatParam.optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});
export const diffQuery = z.object({
  from: revisionParam.optional().describe('Older revision (default: the one before `to`)'),
  to: revisionParam.optional().describe('Newer revision (default: the latest)'),
});
