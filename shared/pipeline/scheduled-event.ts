/**
 * The EventBridge scheduled event, in the shape AWS documents and sends (no `version` field, unlike
 * Powertools' EventBridgeSchema, which would refuse it). Extra fields are tolerated.
 */
import * as z from 'zod';
import { ValidationError } from '../errors';

export const ScheduledEventSchema = z.looseObject({
  id: z.string().min(1),
  'detail-type': z.literal('Scheduled Event'),
  source: z.string().min(1),
  account: z.string(),
  time: z.string().min(1),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});

export type ScheduledEvent = z.infer<typeof ScheduledEventSchema>;

/** Checks a scheduled event; throws ValidationError listing what is wrong. */
export function parseScheduledEvent(event: unknown): ScheduledEvent {
  const parsed = ScheduledEventSchema.safeParse(event);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`);
    throw new ValidationError(`not a scheduled event: ${problems.join('; ')}`, 'event', parsed.error.issues);
  }
  return parsed.data;
}
