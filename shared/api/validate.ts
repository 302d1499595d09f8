/**
 * Runs a route's zod schemas over path and query input. Failures become a ValidationError naming the
 * parameter in plain words (what is allowed, never the validator's own wording); a query parameter the
 * route does not declare is an error too, so a misspelt filter is never silently ignored.
 */
import * as z from 'zod';
import { ValidationError } from '../errors';

/** What is allowed, for the issues whose schema carries no message of its own. */
function plainMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return 'must be a number';
      if (issue.expected === 'array') return 'must be given as a list';
      return `must be a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `may be given at most ${issue.maximum} times`
          : `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return 'is not in the expected format';
    default:
      return 'is not valid';
  }
}

export function validateInput<T>(
  schema: z.ZodType<T> | undefined,
  input: Record<string, unknown>,
  where: 'path' | 'query',
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(input, { error: plainMessage });
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

/** The parameters a query schema declares, and which of them may repeat (array-valued). */
function declared(schema: z.ZodType | undefined): Map<string, boolean> {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  return new Map(
    Object.entries(shape).map(([name, field]) => {
      let inner: z.ZodType = field;
      while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
        inner = inner.def.innerType as z.ZodType;
      }
      return [name, inner instanceof z.ZodArray];
    }),
  );
}

/**
 * The query as the route's schema reads it: one string per parameter, a list for a repeatable one.
 * An undeclared parameter, or a single-valued one given twice, is a ValidationError naming it.
 */
export function queryValues(
  schema: z.ZodType | undefined,
  query: Readonly<Record<string, readonly string[]>>,
): Record<string, string | readonly string[]> {
  const names = declared(schema);
  // Null prototype: a parameter named like an Object.prototype member stays a plain name.
  const out: Record<string, string | readonly string[]> = Object.create(null);
  for (const [name, values] of Object.entries(query)) {
    const repeatable = names.get(name);
    if (repeatable === undefined) {
      const known = [...names.keys()];
      const allowed =
        known.length === 0 ? 'this route takes no query parameters' : `this route takes ${known.join(', ')}`;
      throw new ValidationError(`query parameter ${name} is not known: ${allowed}`, name);
    }
    if (repeatable) {
      out[name] = values;
      continue;
    }
    if (values.length > 1) throw new ValidationError(`query parameter ${name} may be given only once`, name);
    if (values[0] !== undefined) out[name] = values[0];
  }
  return out;
}
