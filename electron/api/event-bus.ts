import { type EventName, type EventPayload, events } from '../../shared/api/contract';
import type { Logger } from '../log';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Receives every event; returns the function that stops it. */
  listen(listener: EventListener): () => void;
}

/**
 * Events are checked against the contract before any interface sees them. A listener that
 * throws is logged and passed over: an event is told from inside a sale (at `sending`, before
 * the top-up goes out), and a window or socket that fails must not stop the sale or the other
 * listeners.
 */
export function createEventBus(log: Pick<Logger, 'error'>): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const parsed = events[event].parse(payload);
      for (const listener of listeners) {
        try {
          listener(event, parsed);
        } catch (error) {
          log.error(`A listener of ${event} failed; the others were told`, error);
        }
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
