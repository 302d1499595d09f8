/**
 * The port the pipeline emits events through. Adapters: EventBridge (eventbridge-publisher.ts; the local
 * runtime serves the same API in process) and the in-memory one tests use (tests/support/fakes/memory-events.ts).
 */
import type { AnyEvent } from './types';

export interface EventPublisher {
  /** Resolves once every event is accepted by the bus; rejects when any was not. */
  publish(events: readonly AnyEvent[]): Promise<void>;
}
