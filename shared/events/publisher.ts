/**
 * The port the pipeline emits events through. Adapters: EventBridge (eventbridge-publisher.ts; the local
 * runtime serves the same API in process) and the in-memory one below for tests and benches.
 */
import type { AnyEvent } from './types';

export interface EventPublisher {
  /** Resolves once every event is accepted by the bus; rejects when any was not. */
  publish(events: readonly AnyEvent[]): Promise<void>;
}

/** Keeps every published event in order and tells an optional listener. */
export class InMemoryEventPublisher implements EventPublisher {
  readonly events: AnyEvent[] = [];

  constructor(private readonly listener?: (event: AnyEvent) => void | Promise<void>) {}

  async publish(events: readonly AnyEvent[]): Promise<void> {
    for (const event of events) {
      this.events.push(event);
      await this.listener?.(event);
    }
  }
}
