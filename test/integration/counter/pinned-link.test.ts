import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { HubLinkError, inspectHub, pinnedFetch } from '../../../electron/counter/pinned-link';
import { hubCertificate } from '../../../electron/counters/certificate';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();

async function listening(server: http.Server | net.Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.3', resolve));
  return (server.address() as AddressInfo).port;
}

/** A TLS server with a hub's certificate that answers `{}` and keeps the cookie of each request. */
async function tlsServer() {
  const certificate = await hubCertificate(tempDir());
  const cookies: (string | undefined)[] = [];
  const server = https.createServer(
    { cert: certificate.cert, key: certificate.key },
    (request, response) => {
      cookies.push(request.headers.cookie);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"hasUsers":false}');
    },
  );
  const port = await listening(server);
  onTestFinished(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `https://127.0.0.3:${port}`, fingerprint: certificate.fingerprint, cookies };
}

describe('the link from a counter to its hub', () => {
  it('shows the hub’s fingerprint, and calls the hub whose certificate it pinned', async () => {
    const hub = await tlsServer();
    const seen = await inspectHub(hub.url.replace('https://', ''));
    expect(seen).toMatchObject({ url: hub.url, fingerprint: hub.fingerprint });
    expect(seen.fingerprintGroups).toHaveLength(16);
    const credential = 'c'.repeat(64);
    const hubFetch = pinnedFetch({ url: hub.url, fingerprint: hub.fingerprint, credential });
    const response = await hubFetch(`${hub.url}/api/app.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ hasUsers: false });
    expect(hub.cookies).toEqual([`comptoir-device=${credential}`]);
  });

  it('refuses a hub whose certificate changed before sending it anything', async () => {
    const paired = await hubCertificate(path.join(tempDir(), 'paired'));
    const hub = await tlsServer();
    expect(hub.fingerprint).not.toBe(paired.fingerprint);
    const hubFetch = pinnedFetch({
      url: hub.url,
      fingerprint: paired.fingerprint,
      credential: 'a'.repeat(64),
    });
    const call = hubFetch(`${hub.url}/api/app.get`, { method: 'POST', body: '{}' });
    await expect(call).rejects.toBeInstanceOf(HubLinkError);
    await expect(call).rejects.toMatchObject({ kind: 'certificate_changed' });
    expect(hub.cookies).toEqual([]);
  });

  it('says clearly when nothing answers, when it is not TLS, and when it is too slow', async () => {
    const closed = net.createServer();
    const closedPort = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(inspectHub(`127.0.0.3:${closedPort}`)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('Nothing answers'),
    });

    const plain = http.createServer((_request, response) => response.end('hello'));
    const plainPort = await listening(plain);
    await expect(inspectHub(`127.0.0.3:${plainPort}`)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('not over TLS'),
    });
    plain.close();

    const silent = net.createServer(() => {});
    const silentPort = await listening(silent);
    await expect(inspectHub(`127.0.0.3:${silentPort}`, 300)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('did not answer within 0.3 s'),
    });
    silent.close();
  });

  it('takes https addresses only, with the hub’s port when none is given', async () => {
    await expect(inspectHub('http://127.0.0.3:5171')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
