import type { Transport } from './client';
import type { ApiErrorBody } from './errors';
import { ApiError } from './errors';

/** What one call returns across a boundary that cannot carry exceptions (Electron IPC). */
export type Outcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/** The whole surface the preload exposes as `window.comptoir`. */
export interface ComptoirBridge {
  invoke(name: string, input: unknown, token: string | null): Promise<Outcome>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export const ipcChannels = {
  invoke: 'comptoir:invoke',
  event: 'comptoir:event',
} as const;

/** The Electron transport: a thin adapter from the preload bridge to the client. */
export function ipcTransport(bridge: ComptoirBridge): Transport {
  return {
    async invoke(name, input, token) {
      const outcome = await bridge.invoke(name, input, token);
      if (outcome.ok) return outcome.result;
      throw ApiError.fromBody(outcome.error);
    },
    subscribe: (event, listener) => bridge.subscribe(event, listener),
  };
}
