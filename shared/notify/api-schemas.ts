/** Request and response schemas of `/subscriptions`, registered as OpenAPI components. */
import * as z from 'zod';
import { sheetIdParam } from '../api/params';
import { componentRegistry } from '../api/schemas';
import { eventTypeSchema } from '../events/schemas';

function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  componentRegistry.add(schema, { id, description });
  return schema;
}

const isoTime = z.string().describe('ISO 8601 timestamp');

export const subscriptionSchema = component(
  'Subscription',
  z.object({
    id: z.string(),
    url: z.string(),
    events: z.array(eventTypeSchema),
    sheets: z.array(z.string()).optional(),
    enabled: z.boolean(),
    disabledReason: z.string().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  }),
  'A webhook subscription (its signing secret is shown only when it is created)',
);

export const subscriptionCreatedSchema = component(
  'SubscriptionCreated',
  subscriptionSchema.extend({
    secret: z.string().describe('`whsec_…` signing secret (Standard Webhooks); shown this once only'),
  }),
);

export const subscriptionListSchema = component(
  'SubscriptionList',
  z.object({ items: z.array(subscriptionSchema), nextCursor: z.string().optional() }),
);

export const subscriptionRegistrationSchema = component(
  'SubscriptionRegistration',
  z.object({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    events: z.array(eventTypeSchema).min(1).max(10),
    sheets: z.array(sheetIdParam).min(1).max(100).optional(),
  }),
  'Where to deliver which events; `sheets` limits them to those sheets',
);

export const deliveryAttemptSchema = component(
  'DeliveryAttempt',
  z.object({
    eventId: z.string(),
    eventType: z.string(),
    at: isoTime,
    attempt: z.number().int(),
    status: z.number().int().nullable().describe('HTTP status of the receiver; null: no answer'),
    durationMs: z.number(),
    outcome: z.enum(['delivered', 'retrying', 'dead-lettered', 'refused', 'disabled']),
    error: z.string().optional(),
  }),
);

export const deliveryListSchema = component(
  'DeliveryAttemptList',
  z.object({ subscriptionId: z.string(), items: z.array(deliveryAttemptSchema) }),
);

export const testDeliverySchema = component(
  'TestDelivery',
  z.object({ subscriptionId: z.string(), eventId: z.string(), status: z.literal('queued') }),
);
