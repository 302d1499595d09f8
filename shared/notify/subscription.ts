/** Webhook subscriptions and their delivery attempts: the model and the persistence port. */
import type { DomainEventType } from '../events/types';
import type { Page, PageRequest } from '../store/ports';

export interface Subscription {
  id: string;
  url: string;
  events: DomainEventType[];
  /** Only events about these sheets (source ids are sheet ids); absent = every sheet. */
  sheets?: string[];
  enabled: boolean;
  /** Why delivery stopped (`gone`: the receiver answered 410). */
  disabledReason?: string;
  createdAt: string;
  updatedAt: string;
}

/** A subscription as stored: the signing secret only ever encrypted (see secret-box.ts). */
export interface StoredSubscription extends Subscription {
  secretCiphertext: string;
}

export type AttemptOutcome = 'delivered' | 'retrying' | 'dead-lettered' | 'refused' | 'disabled';

export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  at: string;
  /** 1 for the first try of this event to this subscription. */
  attempt: number;
  /** The receiver's HTTP status; null when there was no answer (refused address, timeout, network). */
  status: number | null;
  durationMs: number;
  outcome: AttemptOutcome;
  error?: string;
}

export interface SubscriptionStore {
  get(id: string): Promise<StoredSubscription | null>;
  list(page: PageRequest): Promise<Page<StoredSubscription>>;
  /** Every subscription (the notify function walks all pages). */
  listAll(): Promise<StoredSubscription[]>;
  put(subscription: StoredSubscription): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Stops deliveries; a subscription deleted meanwhile stays deleted. */
  disable(id: string, reason: string, at: string): Promise<void>;
  recordAttempt(subscriptionId: string, attempt: DeliveryAttempt): Promise<void>;
  /** Most recent first. */
  listAttempts(subscriptionId: string, limit: number): Promise<DeliveryAttempt[]>;
  markDelivered(subscriptionId: string, eventId: string): Promise<void>;
  isDelivered(subscriptionId: string, eventId: string): Promise<boolean>;
}
