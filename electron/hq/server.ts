import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Pool } from 'pg';
import { ApiError, errorStatus, issuesFromZod } from '../../shared/api/errors';
import type { CarrierProfile } from '../../shared/carrier';
import {
  batchLimits,
  enrolRequestSchema,
  factBatchSchema,
  headOfficeRoleMeta,
  headOfficeWire,
} from '../../shared/head-office';
import { fingerprintOf } from '../counters/certificate';
import { clientErrorCode, readBody } from '../host/handler';
import { parseRequestTarget } from '../host/request-target';
import { endSocketWithError, sendError, sendJson } from '../host/responses';
import { staticFileAnswer } from '../host/static-files';
import type { Logger } from '../log';
import { isLoopbackHost } from '../web-security';
import { hqHandlers } from './api';
import { catalogPullFor } from './catalog/api';
import { clientAddress } from './client-address';
import { createHqDispatcher } from './dispatcher';
import { batchValueIssues, factValueIssues } from './fact-values';
import type { HqContext } from './handlers';
import { type FactBatch, ingestBatch } from './ingest';
import { enrolShop, shopOfCredential } from './shops';

export class TlsRequiredError extends Error {
  constructor(readonly host: string) {
    super(
      `Refusing to listen on ${host} without --cert and --key: TLS is required except on loopback ` +
        '(shops send their books and credentials to the head office over the network).',
    );
    this.name = 'TlsRequiredError';
  }
}

export interface HqServerOptions {
  pool: Pool;
  /** The built renderer (out/renderer): the head office's screens are the same React app. */
  rendererDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** PEM certificate and key; required unless `host` is a loopback address. */
  tls?: { cert: string; key: string };
  now?: () => Date;
  log?: Logger;
  /** The carrier profiles Comptoir ships: the catalog's starting point. */
  shippedCarriers?: readonly CarrierProfile[];
  /**
   * The proxies (load balancer, reverse proxy) whose X-Forwarded-For is believed
   * (`--trust-proxy`); none by default, so the TCP peer is the client.
   */
  trustedProxies?: ReadonlySet<string>;
}

export interface RunningHq {
  url: string;
  port: number;
  /** SHA-256 of the certificate as shops pin it; null on loopback HTTP. */
  fingerprint: string | null;
  close(): Promise<void>;
}

const maxBodyBytes = {
  api: 1024 * 1024,
  // A code and a software name.
  enrol: 16 * 1024,
  // The facts within the batch's bound, and room for the batch's own few fields around them.
  facts: batchLimits.bytes + 16 * 1024,
} as const;

/** A JSON body within `limit`, or the error already answered (null). */
async function jsonBody(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  limit: number,
): Promise<{ value: unknown } | null> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    sendError(response, 'unsupported_media_type', 'Send the body as application/json');
    return null;
  }
  const body = await readBody(request, limit);
  if (body === 'aborted') return null;
  if (body === 'too_large') {
    sendError(response, 'payload_too_large', `The body exceeds ${limit} bytes`);
    return null;
  }
  try {
    return { value: body.length === 0 ? {} : JSON.parse(body.toString('utf8')) };
  } catch {
    sendError(response, 'invalid_json', 'The request body is not valid JSON');
    return null;
  }
}

const bearerOf = (request: http.IncomingMessage) =>
  /^Bearer ([0-9a-f]{64})$/.exec(request.headers.authorization ?? '')?.[1] ?? null;

/**
 * `comptoir hq serve`: the head office's HTTP(S) server. It keeps nothing between requests, all
 * is in PostgreSQL, so several may serve one database behind a load balancer. It serves the
 * staff's procedures (`POST /api/<procedure>`), the shops' wire (`/hq/v1/*`, with each shop's
 * bearer credential) and the React app marked as the head office's.
 */
export async function startHqServer(options: HqServerOptions): Promise<RunningHq> {
  const { pool, rendererDir, host, tls } = options;
  const loopback = isLoopbackHost(host);
  if (!loopback && !tls) throw new TlsRequiredError(host);
  const log = options.log ?? console;
  const context: HqContext = { pool, now: options.now ?? (() => new Date()), log };
  const dispatch = createHqDispatcher(hqHandlers(context, options.shippedCarriers), context);
  const scheme = tls ? 'https' : 'http';
  const trustedProxies = options.trustedProxies ?? new Set<string>();
  let port = 0;

  /** Who sent a request, as its wrong guesses are counted (staff passwords, enrolment codes). */
  const clientOf = (request: http.IncomingMessage) =>
    `${scheme}:${clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies)}`;

  // On loopback, `Host` must name this machine (no DNS rebinding reaching a fresh head office's
  // first-account form); an `Origin`, when a browser sends one, must be the page's own.
  const hostAllowed = (value: string | undefined) => {
    if (!value) return false;
    if (!loopback) return true;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(value);
    return match !== null && isLoopbackHost(match[1] as string) && Number(match[2]) === port;
  };
  const originAllowed = (request: http.IncomingMessage) => {
    const origin = request.headers.origin;
    return origin === undefined || origin === `${scheme}://${request.headers.host}`;
  };

  const unknownShop = () =>
    new ApiError(
      'unauthorized',
      'The head office does not know this shop’s credential: enrol the shop again',
    );

  async function shopWire(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    path: string,
  ) {
    const method = path === headOfficeWire.catalog ? 'GET' : 'POST';
    if (request.method !== method) {
      sendError(response, 'method_not_allowed', `${path} is called with ${method}`, {
        allow: method,
      });
      return;
    }
    if (path === headOfficeWire.enrol) {
      const body = await jsonBody(request, response, maxBodyBytes.enrol);
      if (!body) return;
      const parsed = enrolRequestSchema.safeParse(body.value);
      if (!parsed.success) {
        throw new ApiError('invalid_input', 'Invalid enrolment', issuesFromZod(parsed.error));
      }
      sendJson(response, 200, await enrolShop(context, parsed.data, clientOf(request)));
      return;
    }
    const shop = await shopOfCredential(pool, bearerOf(request));
    if (!shop) throw unknownShop();
    if (path === headOfficeWire.facts) {
      const body = await jsonBody(request, response, maxBodyBytes.facts);
      if (!body) return;
      const parsed = factBatchSchema.safeParse(body.value);
      if (!parsed.success) {
        throw new ApiError('invalid_input', 'Invalid batch of facts', issuesFromZod(parsed.error));
      }
      const batch = parsed.data as unknown as FactBatch;
      const issues = [...factValueIssues(batch.facts), ...batchValueIssues(batch)];
      if (issues.length > 0) throw new ApiError('invalid_input', 'Invalid batch of facts', issues);
      sendJson(response, 200, await ingestBatch(context, shop.id, batch));
      return;
    }
    const since =
      new URL(request.url ?? '', 'http://host.invalid').searchParams.get('since') ?? '0';
    if (!/^\d{1,15}$/.test(since)) {
      throw new ApiError('invalid_input', 'since is a catalog version: a whole number');
    }
    sendJson(response, 200, await catalogPullFor(context, shop.id, Number(since)));
  }

  async function procedure(
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
    const body = await jsonBody(request, response, maxBodyBytes.api);
    if (!body) return;
    const outcome = await dispatch(name, body.value, bearerOf(request), clientOf(request));
    if (outcome.ok) {
      sendJson(response, 200, outcome.result);
      return;
    }
    const retryAfter = outcome.error.params?.retryAfter;
    sendJson(
      response,
      errorStatus[outcome.error.code],
      { error: outcome.error },
      typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {},
    );
  }

  function staticFile(request: http.IncomingMessage, response: http.ServerResponse, path: string) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 'method_not_allowed', 'Only GET and HEAD are served here', {
        allow: 'GET, HEAD',
      });
      return;
    }
    const answer = staticFileAnswer(rendererDir, path, withHeadOfficeRole);
    if (!answer) {
      sendError(response, 'not_found', 'No such file');
      return;
    }
    response.writeHead(200, answer.headers);
    response.end(request.method === 'HEAD' ? undefined : answer.content);
  }

  async function answer(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!hostAllowed(request.headers.host) || !originAllowed(request)) {
      sendError(response, 'forbidden', 'Requests must come from the head office’s own page');
      return;
    }
    const target = parseRequestTarget(request.url);
    switch (target.kind) {
      case 'malformed':
        sendError(response, 'bad_request', 'The request’s path cannot be read');
        return;
      case 'procedure':
        await procedure(request, response, target.name);
        return;
      case 'api-listing':
      case 'api-unknown':
        sendError(response, 'unknown_procedure', 'No such procedure');
        return;
      case 'file':
        if (target.path.startsWith('/hq/')) {
          if (!(Object.values(headOfficeWire) as string[]).includes(target.path)) {
            sendError(response, 'not_found', 'No such path of the head office’s wire');
            return;
          }
          await shopWire(request, response, target.path);
          return;
        }
        staticFile(request, response, target.path);
        return;
    }
  }

  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }) : http.createServer();
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    answer(request, response).catch((error) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof ApiError) {
        const retryAfter = error.params?.retryAfter;
        sendJson(
          response,
          errorStatus[error.code],
          { error: error.toBody() },
          typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {},
        );
        return;
      }
      log.error('Head office request failed', error);
      sendError(response, 'internal', 'Internal error');
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    endSocketWithError(socket, clientErrorCode(error.code), 'The request cannot be read');
  });
  // No event sockets here: an upgrade is answered, never left hanging.
  server.on('upgrade', (_request, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    endSocketWithError(socket, 'not_found', 'The head office has no event socket');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return {
    url: `${scheme}://${urlHost}:${port}/`,
    port,
    fingerprint: tls ? fingerprintOf(tls.cert) : null,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The React app's page marked as the head office's, so that it opens its screens. */
export function withHeadOfficeRole(indexHtml: string): string {
  return indexHtml.replace(/<head([^>]*)>/i, (head) => `${head}\n    ${headOfficeRoleMeta}`);
}
