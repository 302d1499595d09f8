/**
 * One message for a direct invocation that failed its schema. zod/mini carries no locale messages, so the
 * offending keys are named here.
 */
import type { core } from 'zod/mini';

/** `path: message` per issue, joined; unknown keys listed by name. */
export function describeIssues(issues: readonly core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const keys = i.code === 'unrecognized_keys' ? ` (unknown keys: ${i.keys.join(', ')})` : '';
      return `${i.path.join('.') || '(event)'}: ${i.message}${keys}`;
    })
    .join('; ');
}
