/** Response schemas of the figure routes (registered as OpenAPI components like those in schemas.ts). */
import * as z from 'zod';
import { component, figureSchema, periodSchema } from './schemas';

export const sheetFigureSchema = component(
  'SheetFigure',
  figureSchema.extend({ sheetId: z.string(), revision: z.number().int() }),
  'A figure of the latest revision, found by its key',
);

export const figureHistoryEntrySchema = component(
  'FigureHistoryEntry',
  z.object({
    revision: z.number().int(),
    publishedAt: z.string().describe('When the revision was published (ISO 8601)'),
    change: z
      .enum(['added', 'changed', 'unchanged', 'removed'])
      .describe('Against the revision before; `removed` repeats the figure as it was last'),
    value: z.union([z.number(), z.string()]),
    unit: z.string().optional(),
    qualifier: z.enum(['approximately', 'over', 'under', 'nearly', 'at least', 'up to']).optional(),
    period: periodSchema.optional(),
    text: z.string(),
    sentence: z.string(),
    sectionId: z.string(),
  }),
);

export const figureHistorySchema = component(
  'FigureHistory',
  z.object({ sheetId: z.string(), key: z.string(), items: z.array(figureHistoryEntrySchema) }),
  'One entry per revision that holds the figure, and one for the revision that removed it',
);
