import { createHash, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Core } from '../../electron/core';
import { hubCertificate } from '../../electron/counters/certificate';
import { createEventSockets } from '../../electron/host/event-sockets';
import { errorStatus } from '../../shared/api/errors';

/**
 * TEST STAND-IN for the hub's network listener, which is being built apart (hub15): HTTPS with
 * the hub's certificate, every call but `counters.pair` and `app.get` needing a paired device's
 * cookie, calls forwarded to a real core's dispatch, `/events` through the host's own event
 * sockets. `counters.pair` takes `code` and pairs a till by SQL. Replaced by the real listener
 * once it lands.
 */
export async function startStandInHub(options: {
  core: Core;
  certificateFolder: string;
  code: string;
  host?: string;
  port?: number;
}) {
  const { core } = options;
  const certificate = await hubCertificate(options.certificateFolder);
  const deviceOf = (cookie: string | undefined): string | null => {
    const credential = /comptoir-device=([0-9a-f]{64})/.exec(cookie ?? '')?.[1];
    if (!credential) return null;
    const hash = createHash('sha256').update(credential).digest('hex');
    const row = core.db
      .prepare('SELECT id FROM paired_devices WHERE credential_hash = ? AND revoked_at IS NULL')
      .get(hash) as { id: string } | undefined;
    return row?.id ?? null;
  };
  const pair = (code: unknown) => {
    if (code !== options.code) return null;
    const credential = randomBytes(32).toString('hex');
    const id = randomBytes(8).toString('hex');
    core.db
      .prepare(
        `INSERT INTO paired_devices (id, till_name, credential_hash, paired_at, paired_by)
         VALUES (?, 'Counter 2', ?, ?, 'user:1')`,
      )
      .run(id, createHash('sha256').update(credential).digest('hex'), new Date().toISOString());
    return {
      credential,
      till: { id, name: 'Counter 2', kind: 'counter' },
      fingerprint: certificate.fingerprint,
    };
  };
  const send = (response: import('node:http').ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  let received = 0;
  const server = https.createServer(
    { cert: certificate.cert, key: certificate.key },
    (request, response) => {
      received += 1;
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const name = decodeURIComponent((request.url ?? '').replace(/^\/api\//, ''));
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        if (name === 'counters.pair') {
          const paired = pair(input.code);
          if (paired) send(response, 200, paired);
          else send(response, 403, { error: { code: 'pairing_refused', message: 'No such code' } });
          return;
        }
        const device = deviceOf(request.headers.cookie);
        if (!device && name !== 'app.get') {
          send(response, 401, { error: { code: 'device_unpaired', message: 'Pair first' } });
          return;
        }
        const token = /^Bearer ([0-9a-f]{64})$/.exec(request.headers.authorization ?? '')?.[1];
        const outcome = await core.dispatch(name, input, token ?? null, 'http:counter', device);
        if (outcome.ok) send(response, 200, outcome.result);
        else send(response, errorStatus[outcome.error.code], { error: outcome.error });
      });
    },
  );
  const sockets = createEventSockets({ sessionOf: core.sessionOf });
  server.on('upgrade', (request, socket: Duplex, head: Buffer) => {
    received += 1;
    socket.on('error', () => socket.destroy());
    if (!deviceOf(request.headers.cookie)) socket.destroy();
    else sockets.accept(request, socket, head);
  });
  const stopListening = core.events.listen((event, payload) => sockets.send(event, payload));
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.2', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${options.host ?? '127.0.0.2'}:${port}`,
    port,
    fingerprint: certificate.fingerprint,
    /** How many requests reached it: what a refused link never sends. */
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        stopListening();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
