import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubLinkError, inspectHub, pinnedFetch } from '../../../electron/counter/pinned-link';
import { hubCertificate } from '../../../electron/counters/certificate';
import { withTestHosts } from '../../support/host';
import { startStandInHub } from '../../support/hub-stand-in';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const startHost = withTestHosts();

async function listening(server: http.Server | net.Server) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.3', resolve));
  return (server.address() as AddressInfo).port;
}

describe('the link from a counter to its hub', () => {
  it('shows the hub’s fingerprint, and calls the hub whose certificate it pinned', async () => {
    const { core } = await startHost();
    const hub = await startStandInHub({ core, certificateFolder: tempDir(), code: 'ABCD2345' });
    const seen = await inspectHub(hub.url.replace('https://', ''));
    expect(seen).toMatchObject({ url: hub.url, fingerprint: hub.fingerprint });
    expect(seen.fingerprintGroups).toHaveLength(16);
    const hubFetch = pinnedFetch({ url: hub.url, fingerprint: hub.fingerprint, credential: null });
    const response = await hubFetch(`${hub.url}/api/app.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ hasUsers: false });
    await hub.close();
  });

  it('refuses a hub whose certificate changed before sending it anything', async () => {
    const { core } = await startHost();
    const paired = await hubCertificate(path.join(tempDir(), 'paired'));
    const hub = await startStandInHub({ core, certificateFolder: tempDir(), code: 'ABCD2345' });
    expect(hub.fingerprint).not.toBe(paired.fingerprint);
    const hubFetch = pinnedFetch({
      url: hub.url,
      fingerprint: paired.fingerprint,
      credential: 'a'.repeat(64),
    });
    const call = hubFetch(`${hub.url}/api/app.get`, { method: 'POST', body: '{}' });
    await expect(call).rejects.toBeInstanceOf(HubLinkError);
    await expect(call).rejects.toMatchObject({ kind: 'certificate_changed' });
    expect(hub.received()).toBe(0);
    await hub.close();
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
