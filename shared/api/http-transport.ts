import type { Transport } from './client';
import { ApiError, isErrorCode } from './errors';

interface WebSocketLike {
  onopen: (() => void) | null;
  onmessage: ((message: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: (() => void) | null;
  send(data: string): void;
  close(): void;
}

/** The host's close code for a socket without a valid sign-in (see electron/host). */
const signInRequiredClose = 4401;

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

/**
 * The browser host's transport: `POST /api/<procedure>` and events over `/events`. The event
 * socket is open only while someone is signed in: its first message is `{"token"}`, and each
 * new sign-in is sent on it.
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const SocketClass =
    options.WebSocket ?? (globalThis.WebSocket as unknown as HttpTransportOptions['WebSocket']);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocketLike | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  let token: string | null = null;
  // A token the host refused is not tried again; the next sign-in is.
  let refusedToken: string | null = null;

  const hasListeners = () => [...listeners.values()].some((set) => set.size > 0);
  const disconnect = () => {
    if (reconnect) clearTimeout(reconnect);
    reconnect = null;
    socket?.close();
    socket = null;
  };

  function connect() {
    if (socket || !SocketClass || !token || token === refusedToken) return;
    const url = new URL('/events', options.baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const current = new SocketClass(url.toString());
    const signedInAs = token;
    socket = current;
    current.onopen = () => current.send(JSON.stringify({ token: signedInAs }));
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
    current.onclose = (event) => {
      if (socket === current) socket = null;
      if (event.code === signInRequiredClose) refusedToken = signedInAs;
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
        if (!hasListeners()) disconnect();
      };
    },
    setToken(next) {
      if (next === token) return;
      // One socket, one sign-in: a new user gets a socket of their own.
      disconnect();
      token = next;
      if (hasListeners()) connect();
    },
  };
}
