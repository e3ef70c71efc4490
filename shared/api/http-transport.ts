import type { Transport } from './client';
import { ApiError, isErrorCode } from './errors';

interface WebSocketLike {
  onmessage: ((message: { data: unknown }) => void) | null;
  onclose: (() => void) | null;
  onerror: (() => void) | null;
  close(): void;
}

interface HttpTransportOptions {
  /** The host's origin, e.g. `http://127.0.0.1:5170`. */
  baseUrl: string;
  fetch?: typeof fetch;
  WebSocket?: new (url: string) => WebSocketLike;
  /** Delay before reconnecting the event socket after it closed. */
  reconnectMs?: number;
}

function errorFromResponse(status: number, body: unknown): ApiError {
  const error = (
    body as { error?: { code?: unknown; message?: unknown; issues?: unknown; params?: unknown } }
  )?.error;
  if (error && isErrorCode(error.code) && typeof error.message === 'string') {
    const params = error.params;
    return ApiError.fromBody({
      code: error.code,
      message: error.message,
      ...(Array.isArray(error.issues) ? { issues: error.issues } : {}),
      ...(typeof params === 'object' && params !== null && !Array.isArray(params)
        ? { params: params as Record<string, string | number> }
        : {}),
    });
  }
  return new ApiError('internal', `Unexpected answer from the host (HTTP ${status})`);
}

/** The browser host's transport: `POST /api/<procedure>` and events over `/events`. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const SocketClass =
    options.WebSocket ?? (globalThis.WebSocket as unknown as HttpTransportOptions['WebSocket']);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocketLike | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;

  const hasListeners = () => [...listeners.values()].some((set) => set.size > 0);

  function connect() {
    if (socket || !SocketClass) return;
    const url = new URL('/events', options.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const current = new SocketClass(url.toString());
    socket = current;
    current.onmessage = (message) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof parsed.event !== 'string') return;
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
    };
    current.onerror = () => current.close();
    current.onclose = () => {
      if (socket === current) socket = null;
      if (hasListeners() && !reconnect) {
        reconnect = setTimeout(() => {
          reconnect = null;
          if (hasListeners()) connect();
        }, options.reconnectMs ?? 1000);
      }
    };
  }

  return {
    async invoke(name, input, token) {
      let response: Response;
      try {
        response = await doFetch(new URL(`/api/${encodeURIComponent(name)}`, options.baseUrl), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch (cause) {
        throw new ApiError('unreachable', `Cannot reach the Comptoir host: ${String(cause)}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      if (!response.ok) throw errorFromResponse(response.status, body);
      return body;
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      connect();
      return () => {
        set.delete(listener);
        if (!hasListeners()) {
          if (reconnect) clearTimeout(reconnect);
          reconnect = null;
          socket?.close();
          socket = null;
        }
      };
    },
  };
}
