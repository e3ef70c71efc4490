import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { postApi } from '../../support/api';
import { withHubs } from '../../support/counters-hub';
import { rawRequest } from '../../support/fuzz-traffic';
import { freePort, pinnedCall, pinnedEvents } from '../../support/pinned-https';
import { rawExchange } from '../../support/raw-http';

const startHub = withHubs();

describe('the hub on the shop’s network', () => {
  it('makes each call of a counter at its till', async () => {
    const hub = await startHub();
    const counter = await hub.counter();
    const tills = await counter.call('tills.list', {}, counter.token);
    expect(tills.status).toBe(200);
    expect(tills.body.current).toEqual(counter.paired.body.till);
    const atHub = await postApi(hub.local, 'tills.list', {}, { token: hub.manager });
    expect(atHub.body.current).toMatchObject({ kind: 'hub', name: '1' });
    const listed = await postApi(hub.local, 'counters.listDevices', {}, { token: hub.manager });
    expect(listed.body.devices).toEqual([
      expect.objectContaining({ lastAddress: '127.0.0.4', lastSeenAt: expect.any(String) }),
    ]);
  });

  it('notes when and from where a counter was last seen, at most once a minute', async () => {
    const hub = await startHub();
    const counter = await hub.counter();
    const seen = () =>
      hub.core.db.prepare('SELECT last_seen_at FROM paired_devices').pluck().get() as string;
    const first = seen();
    hub.wait(30_000);
    await counter.call('tills.list', {}, counter.token);
    expect(seen()).toBe(first);
    hub.wait(30_000);
    await counter.call('tills.list', {}, counter.token);
    expect(Date.parse(seen()) - Date.parse(first)).toBe(60_000);
  });

  it('answers to its IPv6 address as browsers write it, however the manager typed it', async () => {
    const hub = await startHub();
    const port = await freePort('::1');
    const opened = await postApi(
      hub.local,
      'counters.setNetwork',
      { open: true, address: '0:0:0:0:0:0:0:1', port },
      { token: hub.manager },
    );
    expect(opened.body).toMatchObject({ url: `https://[::1]:${port}/`, problem: null });
    const page = await rawExchange(
      port,
      rawRequest(port, 'GET / HTTP/1.1', [], '', 'close', `[::1]:${port}`),
      { tls: { host: '::1' } },
    );
    expect(page.status).toBe(200);
  });

  it('answers nothing to plain HTTP on its port', async () => {
    const hub = await startHub();
    const plain = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: hub.port, localAddress: '127.0.0.4' });
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.on('error', () => {});
      socket.write(
        rawRequest(hub.port, 'GET /api HTTP/1.1', [], '', 'close', `127.0.0.2:${hub.port}`),
      );
    });
    expect(plain).not.toMatch(/HTTP\/1\.1 \d{3}/);
    expect(plain).not.toMatch(/procedures|<html/i);
  });

  it('refuses the API and the events to a request without a paired counter’s credential', async () => {
    const hub = await startHub();
    for (const cookie of [undefined, `comptoir-device=${'a'.repeat(64)}`, 'comptoir-device=x']) {
      const answer = await pinnedCall(hub.url, hub.fingerprint, 'sales.list', {}, { cookie });
      expect(answer.status, cookie).toBe(401);
      expect(answer.body.error?.code).toBe('device_unpaired');
    }
    // What an unpaired tablet needs to show its pairing screen.
    expect((await pinnedCall(hub.url, hub.fingerprint, 'app.get', {})).status).toBe(200);
    const page = await rawExchange(
      hub.port,
      rawRequest(hub.port, 'GET / HTTP/1.1', [], '', 'close', `127.0.0.2:${hub.port}`),
      { tls: { host: '127.0.0.2' } },
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Comptoir</title>');
    const listing = await rawExchange(
      hub.port,
      rawRequest(hub.port, 'GET /api HTTP/1.1', [], '', 'close', `127.0.0.2:${hub.port}`),
      { tls: { host: '127.0.0.2' } },
    );
    expect(listing.status).toBe(401);
    await expect(pinnedEvents(hub.url, { token: hub.manager })).rejects.toThrow('refused 401');
  });

  it('refuses a forged Host and a forged Origin', async () => {
    const hub = await startHub();
    const counter = await hub.counter();
    const forged: Record<string, string>[] = [
      { host: `evil.example:${hub.port}` },
      { host: `127.0.0.1:${hub.port}` },
      { host: '127.0.0.2' },
      { origin: 'https://evil.example' },
      { origin: `http://127.0.0.2:${hub.port}` },
    ];
    for (const headers of forged) {
      const answer = await pinnedCall(
        hub.url,
        hub.fingerprint,
        'tills.list',
        {},
        {
          cookie: counter.cookie,
          token: counter.token,
          headers,
        },
      );
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.error?.code).toBe('forbidden');
    }
    const own = await pinnedCall(
      hub.url,
      hub.fingerprint,
      'tills.list',
      {},
      {
        cookie: counter.cookie,
        token: counter.token,
        headers: { origin: `https://127.0.0.2:${hub.port}` },
      },
    );
    expect(own.status).toBe(200);
  });

  it('binds a session to the till it signed in at', async () => {
    const hub = await startHub();
    const first = await hub.counter('127.0.0.4');
    const second = await hub.counter('127.0.0.5', 'manager', '9999');
    const fromLoopback = await postApi(hub.local, 'tills.list', {}, { token: first.token });
    expect(fromLoopback.body.error?.code).toBe('unauthorized');
    const atAnother = await second.call('tills.list', {}, first.token);
    expect(atAnother.body.error?.code).toBe('unauthorized');
    const hubTokenAtCounter = await first.call('tills.list', {}, hub.manager);
    expect(hubTokenAtCounter.body.error?.code).toBe('unauthorized');
    expect((await first.call('tills.list', {}, first.token)).status).toBe(200);
    await expect(
      pinnedEvents(hub.url, { cookie: second.cookie, token: first.token }),
    ).rejects.toThrow('refused 401');
  });

  it('revokes a counter at once: its calls are refused and its event socket closes', async () => {
    const hub = await startHub();
    const counter = await hub.counter();
    const other = await hub.counter('127.0.0.5', 'manager', '9999');
    const socket = await pinnedEvents(hub.url, { cookie: counter.cookie, token: counter.token });
    const closed = new Promise<number>((resolve) => socket.on('close', resolve));
    const otherSocket = await pinnedEvents(hub.url, { cookie: other.cookie, token: other.token });
    const id = (counter.paired.body.till as { id: string }).id;
    const revoked = await postApi(hub.local, 'counters.revoke', { id }, { token: hub.manager });
    expect(revoked.body.device).toMatchObject({ id, revokedAt: expect.any(String) });
    expect(await closed).toBe(4401);
    expect(otherSocket.readyState).toBe(otherSocket.OPEN);
    otherSocket.close();
    const refused = await counter.call('tills.list', {}, counter.token);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('device_unpaired');
    expect((await counter.call('auth.login', { name: 'clerk', pin: '1111' })).status).toBe(401);
    const again = await postApi(hub.local, 'counters.revoke', { id }, { token: hub.manager });
    expect(again.body.error?.code).toBe('conflict');
    expect((await other.call('tills.list', {}, other.token)).status).toBe(200);
  });

  it('says why it cannot listen, and closes back to this machine only', async () => {
    const hub = await startHub();
    const set = (address: string, port: number, open = true) =>
      postApi(hub.local, 'counters.setNetwork', { open, address, port }, { token: hub.manager });
    expect((await set('192.0.2.1', 5171)).body).toMatchObject({
      url: null,
      problem: 'address_not_here',
    });
    const busyPort = await freePort('127.0.0.3');
    const busy = net.createServer().listen(busyPort, '127.0.0.3');
    await new Promise((resolve) => busy.once('listening', resolve));
    try {
      expect((await set('127.0.0.3', busyPort)).body).toMatchObject({
        url: null,
        problem: 'port_taken',
      });
    } finally {
      busy.close();
    }
    const closed = await set('127.0.0.3', busyPort, false);
    expect(closed.body).toMatchObject({ url: null, problem: null, network: { open: false } });
    await expect(pinnedCall(hub.url, hub.fingerprint, 'app.get', {})).rejects.toThrow(
      /ECONNREFUSED/,
    );
    const got = await postApi(hub.local, 'counters.get', {}, { token: hub.manager });
    expect(got.body.addresses).not.toContain('127.0.0.1');
    expect(got.body.fingerprintGroups).toHaveLength(16);
  });
});
