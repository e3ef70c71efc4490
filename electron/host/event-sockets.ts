import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventName } from '../../shared/api/contract';
import type { User } from '../../shared/user';
import { mayHear } from '../api/event-audience';
import { refusalCode, type SessionState, userOfSession } from '../auth/sessions';
import { endSocketWithError } from './responses';

/** The close code of a socket whose sign-in is missing or no longer valid. */
export const signInRequiredClose = 4401;

/**
 * The subprotocol a socket asks for to be told events; offered beside `comptoir.bearer.<token>`,
 * it is the one the host chooses, so the token is never echoed back.
 */
export const eventsProtocol = 'comptoir.events';
const bearerPrefix = 'comptoir.bearer.';

const isToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** The token of a sign-in message `{"token": "<64 hex>"}`, or null. */
function tokenIn(text: string): string | null {
  try {
    const token = (JSON.parse(text) as { token?: unknown } | null)?.token;
    return isToken(token) ? token : null;
  } catch {
    return null;
  }
}

/** The subprotocols a handshake offers (`Sec-WebSocket-Protocol`, comma-separated). */
function offeredProtocols(request: http.IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return header === undefined ? [] : header.split(',').map((protocol) => protocol.trim());
}

interface EventSocketOptions {
  /**
   * What a token stands for now at the till of `device` (null: this machine's), renewing
   * nothing: an event sent is not the user's activity.
   */
  sessionOf(token: string, device: string | null): SessionState;
  /** How long a new socket may stay silent before it is closed for not signing in. */
  signInWithinMs?: number;
  /** How often sockets are checked for sessions that ended while no event was sent. */
  sweepMs?: number;
}

/**
 * The `/events` sockets. A socket signs in with its handshake (the subprotocol
 * `comptoir.bearer.<token>`; a bad token is refused there, 401) or with its first message
 * `{"token"}` (again after a new sign-in); until then it hears nothing. Each event goes only to
 * the users allowed to hear it (`mayHear`). A socket without a valid sign-in is closed with
 * 4401: reason `session_expired` when its session ended (idle, signed out, too old), checked at
 * each event and every `sweepMs`, else `unauthorized`. A socket of a paired counter (`device`)
 * is signed in at the counter's till only, and closes at once when the counter is revoked.
 */
export function createEventSockets({
  sessionOf,
  signInWithinMs = 10_000,
  sweepMs = 5_000,
}: EventSocketOptions) {
  const server = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    handleProtocols: (protocols) =>
      protocols.has(eventsProtocol)
        ? eventsProtocol
        : ([...protocols].find((protocol) => protocol.startsWith(bearerPrefix)) ?? false),
  });
  const signedIn = new Map<WebSocket, string>();
  const deviceOf = new Map<WebSocket, string | null>();
  const refuse = (client: WebSocket, reason: 'unauthorized' | 'session_expired') => {
    signedIn.delete(client);
    client.close(signInRequiredClose, reason);
  };
  /** The socket's user, or null once it has been closed for its session. */
  const userOf = (client: WebSocket, token: string): User | null => {
    const state = sessionOf(token, deviceOf.get(client) ?? null);
    const user = userOfSession(state);
    if (!user) refuse(client, refusalCode(state));
    return user;
  };
  const sweep = setInterval(() => {
    for (const [client, token] of signedIn) userOf(client, token);
  }, sweepMs);
  sweep.unref();

  function watch(client: WebSocket, handshakeToken: string | null, device: string | null) {
    deviceOf.set(client, device);
    // A bad frame (too large, unmasked) is an 'error' of that client: without a listener ws
    // would throw it and stop the host. The client is dropped; the others keep their events.
    client.on('error', () => client.terminate());
    if (handshakeToken) signedIn.set(client, handshakeToken);
    const deadline = setTimeout(() => {
      if (!signedIn.has(client)) refuse(client, 'unauthorized');
    }, signInWithinMs);
    client.on('close', () => {
      clearTimeout(deadline);
      signedIn.delete(client);
      deviceOf.delete(client);
    });
    client.on('message', (data, isBinary) => {
      const token = isBinary ? null : tokenIn(String(data));
      const state = token ? sessionOf(token, device) : null;
      if (token && userOfSession(state)) signedIn.set(client, token);
      else refuse(client, refusalCode(state));
    });
  }

  // A handshake ws refuses (not a WebSocket, no key, wrong version) is answered in the one shape.
  server.on('wsClientError', (error: Error, socket: Duplex) => {
    endSocketWithError(socket, 'bad_request', error.message);
  });

  return {
    /** Takes an upgrade to `/events` from `device` (null: this machine). */
    accept(request: http.IncomingMessage, socket: Duplex, head: Buffer, device: string | null) {
      const offered = offeredProtocols(request)
        .find((protocol) => protocol.startsWith(bearerPrefix))
        ?.slice(bearerPrefix.length);
      if (offered !== undefined) {
        const state = isToken(offered) ? sessionOf(offered, device) : null;
        if (!userOfSession(state)) {
          endSocketWithError(
            socket,
            refusalCode(state),
            'The token of this socket is not signed in',
          );
          return;
        }
      }
      server.handleUpgrade(request, socket, head, (client) =>
        watch(client, offered ?? null, device),
      );
    },
    send(event: EventName, payload: unknown) {
      const message = JSON.stringify({ event, payload });
      for (const [client, token] of signedIn) {
        const user = userOf(client, token);
        if (!user || client.readyState !== WebSocket.OPEN) continue;
        if (mayHear(user, event, payload as never)) client.send(message);
      }
    },
    /** Closes the sockets of a paired counter at once (revoked). */
    disconnect(device: string) {
      for (const [client, of] of deviceOf) {
        if (of === device) {
          signedIn.delete(client);
          client.close(signInRequiredClose, 'device_unpaired');
        }
      }
    },
    close() {
      clearInterval(sweep);
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
