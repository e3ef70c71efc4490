import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import type { HubCertificate } from '../counters/certificate';
import type { Logger } from '../log';
import { credentialIn, deviceCookie } from './device-cookie';
import { type RequestPolicy, serveRequests } from './handler';

interface ListenerOptions {
  core: Core;
  /** The built renderer (out/renderer): a browser tablet loads its pairing screen from here. */
  rendererDir: string;
  certificate: HubCertificate;
  /** One of this machine's addresses, IPv4 or IPv6 (never a name, never "any"). */
  address: string;
  /** 0 picks a free port. */
  port: number;
  log: Pick<Logger, 'error'>;
}

export interface RunningListener {
  url: string;
  port: number;
  /** Closes a revoked counter's event sockets at once. */
  disconnect(device: string): void;
  close(): Promise<void>;
}

/**
 * The `Host` a browser sends for the hub at this address and port: the address as the URL
 * standard writes it (IPv6 shortened, lower case, in brackets), so `2001:db8:0:0::1` typed is
 * the `[2001:db8::1]` browsers send.
 */
export function hubAuthority(address: string, port: number): string {
  return new URL(`https://${address.includes(':') ? `[${address}]` : address}:${port}/`).host;
}

/** An IP address as the URL standard writes it (IPv6 shortened and lower case, no brackets). */
export function canonicalAddress(address: string): string {
  return hubAuthority(address, 443).replace(/^\[|\]$/g, '');
}

/**
 * The hub on the shop's network: TLS only (a plain HTTP request gets no answer), on one address
 * and port. `Host` must be that address and port, an `Origin` its https page; the renderer's
 * files are served to anyone who passes that (a tablet's pairing screen), but the API and the
 * events need a paired counter's credential (the `comptoir-device` cookie, set by the pairing's
 * answer), except pairing itself and the app's facts. Each call is made at the counter's till.
 */
export async function startNetworkListener(options: ListenerOptions): Promise<RunningListener> {
  const { core, rendererDir, certificate, address, log } = options;
  const server = https.createServer({
    cert: certificate.cert,
    key: certificate.key,
    minVersion: 'TLSv1.2',
  });
  // Known once listening (a port of 0 is picked then); nothing is answered before.
  let authority = '';
  const policy: RequestPolicy = {
    scheme: 'https',
    host: (value) => value?.toLowerCase() === authority,
    origin: (value) => value === undefined || value.toLowerCase() === `https://${authority}`,
    device(request) {
      const credential = credentialIn(request.headers.cookie);
      if (!credential) return undefined;
      return core.deviceOf(credential, request.socket.remoteAddress ?? 'unknown') ?? undefined;
    },
    answered: (name, result): Record<string, string> =>
      name === 'counters.pair'
        ? { 'set-cookie': deviceCookie((result as { credential: string }).credential) }
        : {},
    forbidden: 'Requests must name this hub by the address and port it listens on',
  };
  const serving = serveRequests(server, { core, rendererDir, log, policy });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, address, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    serving.stop();
    throw error;
  }
  // As the system writes the address it listens on, not as it was typed.
  const listening = server.address() as AddressInfo;
  const { port } = listening;
  authority = hubAuthority(listening.address, port);
  return {
    url: `https://${authority}/`,
    port,
    disconnect: serving.disconnect,
    close: () =>
      new Promise<void>((resolve) => {
        serving.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
