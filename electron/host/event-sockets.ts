import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { endSocketWithError } from './responses';

/** The close code of a socket whose sign-in is missing or no longer valid. */
export const signInRequiredClose = 4401;

/** The token of a sign-in message `{"token": "<64 hex>"}`, or null. */
function tokenIn(text: string): string | null {
  try {
    const token = (JSON.parse(text) as { token?: unknown } | null)?.token;
    return typeof token === 'string' && /^[0-9a-f]{64}$/.test(token) ? token : null;
  } catch {
    return null;
  }
}

/**
 * The `/events` sockets. A socket hears nothing until it sends `{"token"}` of a signed-in user
 * (again after a new sign-in); each event is sent only to sockets whose user is still signed in,
 * and a socket without a valid sign-in is closed with 4401.
 */
export function createEventSockets(
  isSignedIn: (token: string) => boolean,
  /** How long a new socket may stay silent before it is closed for not signing in. */
  signInWithinMs = 10_000,
) {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const signedIn = new Map<WebSocket, string>();
  const refuse = (client: WebSocket) => {
    signedIn.delete(client);
    client.close(signInRequiredClose, 'Sign in first');
  };

  server.on('connection', (client) => {
    // A bad frame (too large, unmasked) is an 'error' of that client: without a listener ws
    // would throw it and stop the host. The client is dropped; the others keep their events.
    client.on('error', () => client.terminate());
    const deadline = setTimeout(() => {
      if (!signedIn.has(client)) refuse(client);
    }, signInWithinMs);
    client.on('close', () => {
      clearTimeout(deadline);
      signedIn.delete(client);
    });
    client.on('message', (data, isBinary) => {
      const token = isBinary ? null : tokenIn(String(data));
      if (token && isSignedIn(token)) signedIn.set(client, token);
      else refuse(client);
    });
  });
  // A handshake ws refuses (not a WebSocket, no key, wrong version) is answered in the one shape.
  server.on('wsClientError', (error: Error, socket: Duplex) => {
    endSocketWithError(socket, 'bad_request', error.message);
  });

  return {
    accept(request: http.IncomingMessage, socket: Duplex, head: Buffer) {
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client));
    },
    send(event: string, payload: unknown) {
      const message = JSON.stringify({ event, payload });
      for (const [client, token] of signedIn) {
        if (!isSignedIn(token)) refuse(client);
        else if (client.readyState === WebSocket.OPEN) client.send(message);
      }
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
