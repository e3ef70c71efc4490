import { type EventName, type EventPayload, events } from '../../shared/api/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Receives every event; returns the function that stops it. */
  listen(listener: EventListener): () => void;
}

/** Events are checked against the contract before any interface sees them. */
export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const parsed = events[event].parse(payload);
      for (const listener of listeners) listener(event, parsed);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
