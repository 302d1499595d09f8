/** Webhook subscriptions: register, read, remove, test, and recent delivery attempts. */
import * as z from 'zod';
import { ValidationError } from '../../errors';
import {
  deliveryListSchema,
  subscriptionCreatedSchema,
  subscriptionListSchema,
  subscriptionRegistrationSchema,
  subscriptionSchema,
  testDeliverySchema,
} from '../../notify/api-schemas';
import type { SubscriptionsApi } from '../../notify/subscriptions-api';
import { defineRoute, type RouteDeps } from '../definition';
import { header } from '../http';
import { parseJsonBody } from '../json-body';
import { limitParam, pageQuery, sheetIdParam } from '../params';
import { decodeCursor, encodeCursor } from '../scoped-cursor';
import { notFound, problems } from './responses';

const idParams = z.object({ id: sheetIdParam });
const auth = problems(401, 403);

function subscriptions(deps: RouteDeps): SubscriptionsApi {
  if (!deps.subscriptions) throw new Error('Webhook subscriptions are not configured');
  return deps.subscriptions;
}

export const listSubscriptions = defineRoute({
  query: pageQuery,
  responses: {
    200: { description: 'Subscriptions, by id', schema: subscriptionListSchema },
    ...problems(400),
    ...auth,
  },
  async handle({ query, deps }) {
    const page = await subscriptions(deps).list({
      limit: query.limit,
      cursor: decodeCursor('subscriptions', query.cursor),
    });
    return {
      body: { items: page.items, nextCursor: encodeCursor('subscriptions', page.nextCursor) },
      cache: 'no-store',
    };
  },
});

export const getSubscription = defineRoute({
  params: idParams,
  responses: {
    200: { description: 'The subscription', schema: subscriptionSchema },
    ...problems(400),
    ...auth,
    ...notFound(),
  },
  async handle({ params, deps }) {
    return { body: await subscriptions(deps).get(params.id), cache: 'no-store' };
  },
});

export const putSubscription = defineRoute({
  params: idParams,
  body: {
    description:
      '`{"url": "https://…", "events": ["sheet.revision.published"], "sheets": ["mali"]}`; the URL must reach a public address',
    contentTypes: ['application/json'],
  },
  responses: {
    200: { description: 'Updated (the secret is unchanged and not shown)', schema: subscriptionSchema },
    201: { description: 'Registered; `secret` is shown this once', schema: subscriptionCreatedSchema },
    ...problems(400),
    ...auth,
    ...problems(415),
  },
  async handle({ params, request, deps }) {
    const body = parseJsonBody(request, header(request, 'content-type'));
    const parsed = subscriptionRegistrationSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const parameter = String(issue?.path[0] ?? 'body');
      throw new ValidationError(`${parameter}: ${issue?.message ?? 'invalid'}`, parameter);
    }
    const { subscription, created, secret } = await subscriptions(deps).register(params.id, parsed.data);
    return {
      status: created ? 201 : 200,
      body: created ? { ...subscription, secret } : subscription,
      headers: { Location: `/subscriptions/${params.id}` },
      cache: 'no-store',
    };
  },
});

export const deleteSubscription = defineRoute({
  params: idParams,
  responses: { 204: { description: 'Removed' }, ...problems(400), ...auth, ...notFound() },
  async handle({ params, deps }) {
    await subscriptions(deps).remove(params.id);
    return { status: 204, body: undefined, cache: 'no-store' };
  },
});

export const testSubscription = defineRoute({
  params: idParams,
  responses: {
    202: { description: 'A `ping` event is on its way; see /deliveries', schema: testDeliverySchema },
    ...problems(400),
    ...auth,
    ...notFound(),
  },
  async handle({ params, deps }) {
    const { eventId } = await subscriptions(deps).test(params.id);
    return { status: 202, body: { subscriptionId: params.id, eventId, status: 'queued' }, cache: 'no-store' };
  },
});

export const listSubscriptionDeliveries = defineRoute({
  params: idParams,
  query: z.object({ limit: limitParam }),
  responses: {
    200: { description: 'Recent delivery attempts, newest first', schema: deliveryListSchema },
    ...problems(400),
    ...auth,
    ...notFound(),
  },
  async handle({ params, query, deps }) {
    const items = await subscriptions(deps).deliveries(params.id, query.limit);
    return { body: { subscriptionId: params.id, items }, cache: 'no-store' };
  },
});
