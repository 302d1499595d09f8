/**
 * The subscription use cases behind `/subscriptions`: register (URL checked against the SSRF rules, a new
 * signing secret returned once and stored only encrypted), read, remove, send a test ping through the
 * bus, and read recent delivery attempts.
 */
import { ConfigError } from '../config';
import { FetchError, NotFoundError, ValidationError } from '../errors';
import { ping } from '../events/build';
import type { EventPublisher } from '../events/publisher';
import type { DomainEventType } from '../events/types';
import type { Page, PageRequest } from '../store/ports';
import { newSigningSecret, type SecretBox } from './secret-box';
import type { DeliveryAttempt, StoredSubscription, Subscription, SubscriptionStore } from './subscription';
import { checkWebhookTarget, type WebhookPolicy } from './webhook-url';

export interface SubscriptionInput {
  url: string;
  events: DomainEventType[];
  sheets?: string[];
}

export interface SubscriptionsApi {
  list(page: PageRequest): Promise<Page<Subscription>>;
  get(id: string): Promise<Subscription>;
  /** `secret` only when the subscription was created by this call. */
  register(
    id: string,
    input: SubscriptionInput,
  ): Promise<{ subscription: Subscription; created: boolean; secret?: string }>;
  remove(id: string): Promise<void>;
  test(id: string): Promise<{ eventId: string }>;
  deliveries(id: string, limit: number): Promise<DeliveryAttempt[]>;
}

export interface SubscriptionsDeps {
  store: SubscriptionStore;
  box: () => Promise<SecretBox>;
  policy: WebhookPolicy;
  publisher?: EventPublisher;
  clock?: () => Date;
}

/** What the API shows: never the secret, not even encrypted. */
export function publicView(stored: StoredSubscription): Subscription {
  const { secretCiphertext: _secret, ...subscription } = stored;
  return subscription;
}

export function subscriptionsApi(deps: SubscriptionsDeps): SubscriptionsApi {
  const now = () => (deps.clock?.() ?? new Date()).toISOString();
  const existing = async (id: string) => {
    const found = await deps.store.get(id);
    if (!found) throw new NotFoundError(`subscription "${id}" does not exist`);
    return found;
  };
  return {
    async list(page) {
      const result = await deps.store.list(page);
      return { ...result, items: result.items.map(publicView) };
    },
    get: async (id) => publicView(await existing(id)),
    async register(id, input) {
      try {
        await checkWebhookTarget(input.url, deps.policy);
      } catch (err) {
        if (err instanceof FetchError) throw new ValidationError(`url is refused: ${err.message}`, 'url');
        throw err;
      }
      const at = now();
      const previous = await deps.store.get(id);
      const base = {
        id,
        url: input.url,
        events: [...new Set(input.events)],
        ...(input.sheets && { sheets: [...new Set(input.sheets)] }),
        // Registering again re-enables a subscription its receiver had turned off with 410.
        enabled: true,
        updatedAt: at,
      };
      if (previous) {
        const stored = {
          ...base,
          createdAt: previous.createdAt,
          secretCiphertext: previous.secretCiphertext,
        };
        await deps.store.put(stored);
        return { subscription: publicView(stored), created: false };
      }
      const secret = newSigningSecret();
      const stored = { ...base, createdAt: at, secretCiphertext: (await deps.box()).seal(secret, id) };
      await deps.store.put(stored);
      return { subscription: publicView(stored), created: true, secret };
    },
    async remove(id) {
      if (!(await deps.store.delete(id))) throw new NotFoundError(`subscription "${id}" does not exist`);
    },
    async test(id) {
      await existing(id);
      if (!deps.publisher)
        throw new ConfigError('EVENT_BUS_NAME is not set: test deliveries need the event bus');
      const event = ping(id, now());
      await deps.publisher.publish([event]);
      return { eventId: event.id };
    },
    async deliveries(id, limit) {
      await existing(id);
      return deps.store.listAttempts(id, limit);
    },
  };
}
