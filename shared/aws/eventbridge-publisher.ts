/**
 * EventPublisher over EventBridge PutEvents: one entry per event, `Source` from the topology, the event
 * type as `DetailType`, the whole envelope as `Detail`. The client reads AWS_ENDPOINT_URL_EVENTBRIDGE, so
 * the local runtime's in-process bus receives the same calls.
 */
import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ENV, optional } from '../env';
import type { EventPublisher } from '../events/publisher';
import type { AnyEvent } from '../events/types';
import { eventBus } from '../topology';
import { eventBridgeClient } from './clients';

/** PutEvents takes at most 10 entries per call. */
const BATCH = 10;

export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: readonly AnyEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      const res = await this.client.send(
        new PutEventsCommand({
          Entries: batch.map((event) => ({
            EventBusName: this.busName,
            Source: eventBus.source,
            DetailType: event.type,
            Detail: JSON.stringify(event),
            Time: new Date(event.time),
          })),
        }),
      );
      if (res.FailedEntryCount) {
        const failed = (res.Entries ?? []).find((e) => e.ErrorCode);
        throw new Error(
          `EventBridge refused ${res.FailedEntryCount} of ${batch.length} events: ${failed?.ErrorCode ?? 'unknown'} ${failed?.ErrorMessage ?? ''}`.trim(),
        );
      }
    }
  }
}

/** The publisher the handlers use when EVENT_BUS_NAME is bound; none (no events) otherwise. */
export function publisherFromEnv(env: Readonly<Record<string, string | undefined>> = process.env) {
  const bus = optional(env, ENV.eventBusName);
  return bus ? new EventBridgePublisher(eventBridgeClient(), bus) : undefined;
}
