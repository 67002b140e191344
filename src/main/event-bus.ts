import type { EventName, EventPayload } from '../shared/contract/events';

/** One pushed event: its contract name and payload. */
export type PushedEvent = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];

/** Typed in-process publish/subscribe; transports (IPC, SSE) subscribe and forward. */
export class EventBus {
  private readonly listeners = new Set<(event: PushedEvent) => void>();

  /** Publishes an event to every subscriber; a failing subscriber never stops the others. */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const event = { name, payload } as PushedEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A broken transport must not break the publisher; the transport logs its own failures.
      }
    }
  }

  /** Adds a subscriber; returns the function that removes it. */
  subscribe(listener: (event: PushedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
