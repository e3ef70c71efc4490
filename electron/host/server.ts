import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { events, procedures } from '../../shared/api/contract';
import { type ErrorCode, errorStatus } from '../../shared/api/errors';
import type { TransportCore } from '../core';
import type { Logger } from '../log';
import { contentSecurityPolicy, hardeningHeaders, isLoopbackHost } from '../web-security';
import { createEventSockets } from './event-sockets';
import { parseRequestTarget } from './request-target';
import { endSocketWithError, sendError, sendJson } from './responses';
import { resolveStaticFile } from './static-files';

const maxBodyBytes = 1024 * 1024;

export class HostRefusedError extends Error {
  constructor(readonly host: string) {
    super(
      `Refusing to listen on ${host}: the browser host has no authentication yet, so it only ` +
        'listens on this machine (127.0.0.1, ::1 or localhost).',
    );
    this.name = 'HostRefusedError';
  }
}

interface HostOptions {
  core: TransportCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where a request that failed inside the host is reported (the console by default). */
  log?: Pick<Logger, 'error'>;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
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
function readBody(request: http.IncomingMessage): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
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
function clientErrorCode(nodeCode: string | undefined): ErrorCode {
  if (nodeCode === 'HPE_HEADER_OVERFLOW') return 'headers_too_large';
  if (nodeCode === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 'payload_too_large';
  if (nodeCode === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  return 'bad_request';
}

/**
 * The browser host: serves the built renderer and the HTTP transport of the API on this machine
 * only. Requests must name this host in `Host` (no DNS rebinding) and, when a browser sends an
 * `Origin`, come from our own origin (no cross-site calls).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new HostRefusedError(host);
  const { core, rendererDir } = options;
  const log = options.log ?? console;
  let port = 0;

  const allowedHost = (value: string | undefined) => {
    if (!value) return false;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value);
    return match !== null && isLoopbackHost(match[1] as string) && Number(match[2]) === port;
  };
  const allowedOrigin = (value: string | undefined) => {
    if (value === undefined) return true;
    try {
      const origin = new URL(value);
      return origin.protocol === 'http:' && allowedHost(origin.host);
    } catch {
      return false;
    }
  };

  async function handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    name: string,
  ) {
    if (request.method !== 'POST') {
      sendError(response, 'method_not_allowed', 'Procedures are called with POST', {
        allow: 'POST',
      });
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
    const client = `http:${request.socket.remoteAddress ?? 'unknown'}`;
    const outcome = await core.dispatch(name, input, bearer?.[1] ?? null, client);
    if (outcome.ok) sendJson(response, 200, outcome.result);
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
    const found = resolveStaticFile(rendererDir, path);
    if (!found) {
      sendError(response, 'not_found', 'No such file');
      return;
    }
    const content = fs.readFileSync(found.file);
    response.writeHead(200, {
      'content-type': found.contentType,
      'content-length': content.length,
      'content-security-policy': contentSecurityPolicy([]),
      'cache-control': found.contentType.startsWith('text/html') ? 'no-cache' : 'max-age=3600',
      ...hardeningHeaders,
    });
    response.end(request.method === 'HEAD' ? undefined : content);
  }

  /** Every request goes through here once; whatever it throws becomes a rejection. */
  async function answer(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!allowedHost(request.headers.host) || !allowedOrigin(request.headers.origin)) {
      sendError(response, 'forbidden', 'Requests must come from this machine’s Comptoir page');
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
        sendJson(response, 200, describeApi());
        return;
      case 'procedure':
        await handleApi(request, response, target.name);
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
    if (!allowedHost(request.headers.host) || !allowedOrigin(request.headers.origin)) {
      endSocketWithError(socket, 'forbidden', 'Events are for this machine’s Comptoir page');
      return;
    }
    const target = parseRequestTarget(request.url);
    if (target.kind === 'malformed') {
      endSocketWithError(socket, 'bad_request', 'The request’s path cannot be read');
    } else if (target.kind !== 'file' || target.path !== '/events') {
      endSocketWithError(socket, 'not_found', 'Events are at /events');
    } else {
      sockets.accept(request, socket, head);
    }
  }

  const server = http.createServer((request, response) => {
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        stopListening();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
