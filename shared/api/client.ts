import type {
  EventName,
  EventPayload,
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
} from './contract';
import { ApiError } from './errors';

/**
 * How a client reaches the core. Implementations resolve with the procedure's result or reject
 * with an ApiError; the client above them never knows which one it has.
 */
export interface Transport {
  /** `token`: the signed-in user's bearer token, or null. */
  invoke(name: string, input: unknown, token: string | null): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Hears of each sign-in and sign-out, for a transport whose events need one (HTTP). */
  setToken?(token: string | null): void;
}

export interface Client {
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  /** Every later call carries this token (after auth.login or auth.setup); null signs out. */
  setToken(token: string | null): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Hears when a call made with the current token is refused `session_expired` (the host ended
   * the session: idle, signed out, too old); not for a token set aside meanwhile.
   */
  onSessionExpired(listener: () => void): () => void;
  /**
   * Hears when any call is refused `device_unpaired`: this browser is not (or no longer) a paired
   * counter of the hub, and the screen goes back to pairing.
   */
  onDeviceUnpaired(listener: () => void): () => void;
}

export function createClient(transport: Transport): Client {
  let token: string | null = null;
  const expiredListeners = new Set<() => void>();
  const unpairedListeners = new Set<() => void>();
  return {
    async call(name, input) {
      const sentWith = token;
      try {
        return (await transport.invoke(name, input, sentWith)) as never;
      } catch (error) {
        if (
          error instanceof ApiError &&
          error.code === 'session_expired' &&
          sentWith !== null &&
          sentWith === token
        ) {
          for (const listener of expiredListeners) listener();
        }
        if (error instanceof ApiError && error.code === 'device_unpaired') {
          for (const listener of unpairedListeners) listener();
        }
        throw error;
      }
    },
    setToken(next) {
      token = next;
      transport.setToken?.(next);
    },
    on: (event, listener) => transport.subscribe(event, listener as (payload: unknown) => void),
    onSessionExpired(listener) {
      expiredListeners.add(listener);
      return () => expiredListeners.delete(listener);
    },
    onDeviceUnpaired(listener) {
      unpairedListeners.add(listener);
      return () => unpairedListeners.delete(listener);
    },
  };
}
