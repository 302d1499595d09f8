/** In-memory EventPublisher for tests: keeps every published event in order. */
import type { EventPublisher } from '../../../shared/events/publisher';
import type { AnyEvent } from '../../../shared/events/types';

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
