import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TransportCore } from '../core';
import type { Logger } from '../log';
import { isLoopbackHost } from '../web-security';
import { type RequestPolicy, serveRequests } from './handler';

export class HostRefusedError extends Error {
  constructor(readonly host: string) {
    super(
      `Refusing to listen on ${host}: the browser host serves this machine only (127.0.0.1, ` +
        '::1 or localhost); the shop’s counters reach the hub over TLS once a manager opens it ' +
        'to the network (Settings → Counters, or `serve --network`).',
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

  const policy: RequestPolicy = {
    scheme: 'http',
    host: allowedHost,
    origin: allowedOrigin,
    // This machine: the hub's own till, no credential.
    device: () => null,
    forbidden: 'Requests must come from this machine’s Comptoir page',
  };
  const server = http.createServer();
  const serving = serveRequests(server, { core, rendererDir, log, policy });

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
        serving.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
