import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { events, procedures } from '../../shared/api/contract';
import { type ErrorCode, errorStatus } from '../../shared/api/errors';
import type { TransportCore } from '../core';
import type { Logger } from '../log';
import { createEventSockets } from './event-sockets';
import { parseRequestTarget } from './request-target';
import { endSocketWithError, sendError, sendJson } from './responses';
import { staticFileAnswer } from './static-files';

const maxBodyBytes = 1024 * 1024;

/** What a counter that is not paired may still call: pairing, and the app's own facts. */
const openToUnpaired: ReadonlySet<string> = new Set(['counters.pair', 'app.get']);

/**
 * What one listener lets in. The loopback host and the hub's network listener share the handler
 * and differ only here.
 */
export interface RequestPolicy {
  /** How a request's client is named for the core (`http:<address>`): wrong guesses are counted per client. */
  scheme: 'http' | 'https';
  /** Whether `Host` names this listener (no DNS rebinding). */
  host(value: string | undefined): boolean;
  /** Whether an `Origin`, sent or not (undefined), is this listener's own page (no cross-site calls). */
  origin(value: string | undefined): boolean;
  /**
   * The paired device a request comes from: null for this machine itself (loopback), undefined
   * when the listener needs a device and the request carries no valid credential.
   */
  device(request: http.IncomingMessage): string | null | undefined;
  /** Headers added to a procedure's successful answer (the device cookie of a pairing). */
  answered?(name: string, result: unknown): Record<string, string>;
  /** What a request failing the Host or Origin rule is told. */
  forbidden: string;
}

interface HandlerOptions {
  core: TransportCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  log: Pick<Logger, 'error'>;
  policy: RequestPolicy;
}

/** What `GET /api` answers: every procedure and event with its JSON Schema. */
function describeApi() {
  const schema = (type: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(type, { io, unrepresentable: 'any' });
  return {
    procedures: Object.entries(procedures).map(([name, procedure]) => ({
      name,
      description: procedure.description,
      input: schema(procedure.input, 'input'),
      output: schema(procedure.output, 'output'),
    })),
    events: Object.entries(events).map(([name, payload]) => ({
      name,
      payload: schema(payload, 'output'),
    })),
  };
}

/** The request's body; `aborted` when the client went away before sending all of it. */
export function readBody(
  request: http.IncomingMessage,
  limit: number = maxBodyBytes,
): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too_large');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    // Once the body ended, a later close changes nothing: a promise settles once.
    request.on('error', () => resolve('aborted'));
    request.on('close', () => resolve('aborted'));
  });
}

/** The code of a request Node's parser refused, as Node's own answer would have it. */
export function clientErrorCode(nodeCode: string | undefined): ErrorCode {
  if (nodeCode === 'HPE_HEADER_OVERFLOW') return 'headers_too_large';
  if (nodeCode === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 'payload_too_large';
  if (nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  return 'bad_request';
}

const unpaired = 'Pair this counter with the hub first (Settings → Counters on the hub)';

/**
 * Serves the built renderer, the HTTP transport of the API and the event sockets on `server`,
 * under `policy`: requests must name the listener in `Host` and, when a browser sends an
 * `Origin`, come from its own page; where the policy needs a paired device, the API and the
 * events are refused to a request without one (`device_unpaired`), and each call is made at the
 * device's till. Returns what stops serving (the server is closed by its owner).
 */
export function serveRequests(server: http.Server, options: HandlerOptions) {
  const { core, rendererDir, log, policy } = options;

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    name: string,
    device: string | null | undefined,
  ) {
    if (request.method !== 'POST') {
      sendError(response, 'method_not_allowed', 'Procedures are called with POST', {
        allow: 'POST',
      });
      return;
    }
    if (device === undefined && !openToUnpaired.has(name)) {
      sendError(response, 'device_unpaired', unpaired);
      return;
    }
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      sendError(response, 'unsupported_media_type', 'Send the input as application/json');
      return;
    }
    const body = await readBody(request);
    if (body === 'aborted') return;
    if (body === 'too_large') {
      sendError(response, 'payload_too_large', `The input exceeds ${maxBodyBytes} bytes`);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendError(response, 'invalid_json', 'The request body is not valid JSON');
      return;
    }
    const bearer = /^Bearer ([0-9a-f]{64})$/.exec(request.headers.authorization ?? '');
    const client = `${policy.scheme}:${request.socket.remoteAddress ?? 'unknown'}`;
    const outcome = await core.dispatch(name, input, bearer?.[1] ?? null, client, device ?? null);
    if (outcome.ok)
      sendJson(response, 200, outcome.result, policy.answered?.(name, outcome.result));
    else {
      const retryAfter = outcome.error.params?.retryAfter;
      sendJson(
        response,
        errorStatus[outcome.error.code],
        { error: outcome.error },
        typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {},
      );
    }
  }

  function handleStatic(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    path: string,
  ) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 'method_not_allowed', 'Only GET and HEAD are served here', {
        allow: 'GET, HEAD',
      });
      return;
    }
    const answer = staticFileAnswer(rendererDir, path);
    if (!answer) {
      sendError(response, 'not_found', 'No such file');
      return;
    }
    response.writeHead(200, answer.headers);
    response.end(request.method === 'HEAD' ? undefined : answer.content);
  }

  const allowed = (request: http.IncomingMessage) =>
    policy.host(request.headers.host) && policy.origin(request.headers.origin);

  /** Every request goes through here once; whatever it throws becomes a rejection. */
  async function answer(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!allowed(request)) {
      sendError(response, 'forbidden', policy.forbidden);
      return;
    }
    const target = parseRequestTarget(request.url);
    switch (target.kind) {
      case 'malformed':
        sendError(response, 'bad_request', 'The request’s path cannot be read');
        return;
      case 'api-listing':
        if (request.method !== 'GET') {
          sendError(response, 'method_not_allowed', 'The API is listed with GET', { allow: 'GET' });
          return;
        }
        if (policy.device(request) === undefined) {
          sendError(response, 'device_unpaired', unpaired);
          return;
        }
        sendJson(response, 200, describeApi());
        return;
      case 'procedure':
        await handleApi(request, response, target.name, policy.device(request));
        return;
      case 'api-unknown':
        sendError(response, 'unknown_procedure', 'No such procedure');
        return;
      case 'file':
        handleStatic(request, response, target.path);
        return;
    }
  }

  /** Every WebSocket upgrade goes through here once; async, so a throw becomes a rejection. */
  async function upgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer) {
    if (!allowed(request)) {
      endSocketWithError(socket, 'forbidden', policy.forbidden);
      return;
    }
    const target = parseRequestTarget(request.url);
    if (target.kind === 'malformed') {
      endSocketWithError(socket, 'bad_request', 'The request’s path cannot be read');
      return;
    }
    if (target.kind !== 'file' || target.path !== '/events') {
      endSocketWithError(socket, 'not_found', 'Events are at /events');
      return;
    }
    const device = policy.device(request);
    if (device === undefined) endSocketWithError(socket, 'device_unpaired', unpaired);
    else sockets.accept(request, socket, head, device);
  }

  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    answer(request, response).catch((error) => {
      log.error('Browser host request failed', error);
      if (response.headersSent) response.destroy();
      else sendError(response, 'internal', 'Internal error');
    });
  });
  // What Node's parser refuses (request line, headers, chunking) is answered in the one shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    endSocketWithError(socket, clientErrorCode(error.code), 'The request cannot be read');
  });

  const sockets = createEventSockets({ sessionOf: core.sessionOf });
  server.on('connect', (_request, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    endSocketWithError(socket, 'method_not_allowed', 'This host is not a proxy');
  });
  server.on('upgrade', (request, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without its error listener; a reset must not be thrown.
    socket.on('error', () => socket.destroy());
    upgrade(request, socket, head).catch((error) => {
      log.error('Browser host upgrade failed', error);
      endSocketWithError(socket, 'internal', 'Internal error');
    });
  });
  const stopListening = core.events.listen((event, payload) => sockets.send(event, payload));

  return {
    /** Closes the event sockets of a device (revoked) at once. */
    disconnect: sockets.disconnect,
    /** Stops hearing the core's events and closes every event socket. */
    stop() {
      stopListening();
      sockets.close();
    },
  };
}
