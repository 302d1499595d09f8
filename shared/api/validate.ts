/** Runs a zod schema over path or query input; failures become ValidationError naming the parameter. */
import type { z } from 'zod';
import { ValidationError } from '../errors';

export function validateInput<T>(
  schema: z.ZodType<T> | undefined,
  input: Record<string, unknown>,
  where: 'path' | 'query',
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => {
    const parameter = String(issue.path[0] ?? where);
    const shown = input[parameter];
    const value = typeof shown === 'string' && shown.length <= 80 ? ` (got "${shown}")` : '';
    const message = issue.code === 'invalid_type' && shown === undefined ? 'is required' : issue.message;
    return { parameter, message: `${where} parameter ${parameter} ${message}${value}` };
  });
  const first = errors[0]!;
  throw new ValidationError(first.message, first.parameter, errors);
}

/** Single-valued query parameters: a repeated one is an error naming it. */
export function singleQueryValues(
  query: Readonly<Record<string, readonly string[]>>,
): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, values] of Object.entries(query)) {
    if (values.length > 1) throw new ValidationError(`query parameter ${name} may be given only once`, name);
    if (values[0] !== undefined) out[name] = values[0];
  }
  return out;
}
