import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import { events, procedures } from '../../shared/api/contract';
import { type ApiErrorBody, type ErrorCode, errorStatus } from '../../shared/api/errors';
import type { Core } from '../core';
import { contentSecurityPolicy, hardeningHeaders, isLoopbackHost } from '../web-security';
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
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
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

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...hardeningHeaders,
    ...headers,
  });
  response.end(text);
}

function sendError(
  response: http.ServerResponse,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
) {
  const error: ApiErrorBody = { code, message };
  sendJson(response, errorStatus[code], { error }, headers);
}

function readBody(request: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
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
    request.on('error', reject);
  });
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
    const outcome = await core.dispatch(name, input, bearer?.[1] ?? null);
    if (outcome.ok) sendJson(response, 200, outcome.result);
    else sendJson(response, errorStatus[outcome.error.code], { error: outcome.error });
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

  const server = http.createServer((request, response) => {
    if (!allowedHost(request.headers.host) || !allowedOrigin(request.headers.origin)) {
      sendError(response, 'forbidden', 'Requests must come from this machine’s Comptoir page');
      return;
    }
    const { pathname } = new URL(request.url ?? '/', 'http://host.invalid');
    const apiMatch = /^\/api\/([^/]+)$/.exec(pathname);
    const handled =
      pathname === '/api' && request.method === 'GET'
        ? Promise.resolve(sendJson(response, 200, describeApi()))
        : apiMatch
          ? handleApi(request, response, decodeURIComponent(apiMatch[1] as string))
          : pathname.startsWith('/api')
            ? Promise.resolve(sendError(response, 'unknown_procedure', 'No such procedure'))
            : Promise.resolve(handleStatic(request, response, pathname));
    handled.catch((error) => {
      console.error('Browser host request failed', error);
      if (!response.headersSent) sendError(response, 'internal', 'Internal error');
      else response.destroy();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://host.invalid');
    if (
      pathname !== '/events' ||
      !allowedHost(request.headers.host) ||
      !allowedOrigin(request.headers.origin)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client));
  });
  const stopListening = core.events.listen((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const client of sockets.clients) client.send(message);
  });

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
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
