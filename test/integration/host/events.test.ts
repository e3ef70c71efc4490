import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventSockets } from '../../../electron/host/event-sockets';
import { createUserStore } from '../../../electron/store/users';
import { ipcTransport } from '../../../shared/api/bridge';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import type { ShopProfile } from '../../../shared/shop';
import { electronBridge } from '../../support/electron-bridge';
import { withTestHosts } from '../../support/host';

const startTestHost = withTestHosts();

const profile: ShopProfile = {
  name: 'Boutique du Port',
  address: '3 quai Ferry\n98800 Nouméa',
  country: 'NC',
  phone: '27 12 34',
  taxId: '1234567.001',
  receiptFooter: 'Merci et bon séjour !',
  timeZone: 'Pacific/Noumea',
  currency: 'XPF',
  defaultLanguage: 'fr',
  idleLockMinutes: 5,
  tillName: '1',
  legalName: '',
};

/** A raw event socket that records what it hears and how it was closed. */
async function listen(url: string, signIn?: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}events`);
  const heard: string[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', resolve));
  socket.on('message', (data) => heard.push(JSON.parse(String(data)).event));
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('error', reject);
  });
  if (signIn !== undefined) socket.send(signIn);
  return { socket, heard, closed };
}

/** A manager signed in over HTTP, and a socket signed in with the same token. */
async function managerWithSocket(url: string) {
  const api = createClient(httpTransport({ baseUrl: url }));
  const { token } = await api.call('auth.setup', { name: 'Marie', pin: '2468' });
  api.setToken(token);
  const signedIn = await listen(url, JSON.stringify({ token }));
  return { api, token, signedIn };
}

/** Saves the shop until the signed-in socket has heard it (the sign-in message is async). */
async function saveUntilHeard(api: ReturnType<typeof createClient>, heard: string[]) {
  for (let attempt = 0; attempt < 50 && !heard.includes('shop.updated'); attempt++) {
    await api.call('shop.update', { ...profile, name: `Boutique ${attempt}` });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(heard).toContain('shop.updated');
}

describe('the event socket of the browser host', () => {
  it('tells nothing to a socket that has not signed in', async () => {
    const { host } = await startTestHost();
    const stranger = await listen(host.url);
    const { api, signedIn } = await managerWithSocket(host.url);
    await saveUntilHeard(api, signedIn.heard);
    expect(stranger.heard).toEqual([]);
    stranger.socket.close();
    signedIn.socket.close();
  });

  it.each([
    ['a token nobody signed in with', JSON.stringify({ token: 'a'.repeat(64) })],
    ['a message that is not a sign-in', 'hello'],
    ['an empty token', JSON.stringify({ token: '' })],
  ])('closes a socket that signs in with %s (4401)', async (_label, message) => {
    const { host } = await startTestHost();
    const { api, signedIn } = await managerWithSocket(host.url);
    const guesser = await listen(host.url, message);
    expect(await guesser.closed).toBe(4401);
    await saveUntilHeard(api, signedIn.heard);
    expect(guesser.heard).toEqual([]);
    signedIn.socket.close();
  });

  it('stops telling a user who signed out, and closes their socket', async () => {
    const { host } = await startTestHost();
    const { api, signedIn } = await managerWithSocket(host.url);
    await saveUntilHeard(api, signedIn.heard);
    await api.call('auth.logout', {});
    const heardBefore = signedIn.heard.length;
    const again = createClient(httpTransport({ baseUrl: host.url }));
    again.setToken((await again.call('auth.login', { name: 'Marie', pin: '2468' })).token);
    await again.call('shop.update', profile);
    expect(await signedIn.closed).toBe(4401);
    expect(signedIn.heard.length).toBe(heardBefore);
  });

  it('delivers events to the HTTP client once it signs in, and not before', async () => {
    const { host } = await startTestHost();
    const { api: manager } = await managerWithSocket(host.url);
    const clerk = createClient(
      httpTransport({ baseUrl: host.url, WebSocket: WebSocket as never, reconnectMs: 50 }),
    );
    const heard: string[] = [];
    const stop = clerk.on('shop.updated', ({ profile: saved }) => heard.push(saved.name));
    await manager.call('shop.update', { ...profile, name: 'Before' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([]);
    clerk.setToken((await clerk.call('auth.login', { name: 'Marie', pin: '2468' })).token);
    for (let attempt = 0; attempt < 50 && heard.length === 0; attempt++) {
      await manager.call('shop.update', { ...profile, name: `After ${attempt}` });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(heard[0]).toMatch(/^After/);
    stop();
  });
});

describe('the HTTP transport after the host refused its sign-in', () => {
  it('does not knock again with the same token, and does with the next one', async () => {
    const { host } = await startTestHost();
    const { api: manager } = await managerWithSocket(host.url);
    let sockets = 0;
    class CountedWebSocket extends WebSocket {
      constructor(url: string) {
        super(url);
        sockets += 1;
      }
    }
    const clerk = createClient(
      httpTransport({ baseUrl: host.url, WebSocket: CountedWebSocket as never, reconnectMs: 20 }),
    );
    const heard: string[] = [];
    clerk.on('shop.updated', ({ profile: saved }) => heard.push(saved.name));
    clerk.setToken('b'.repeat(64));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sockets).toBe(1);
    clerk.setToken((await clerk.call('auth.login', { name: 'Marie', pin: '2468' })).token);
    for (let attempt = 0; attempt < 50 && heard.length === 0; attempt++) {
      await manager.call('shop.update', { ...profile, name: `Signed ${attempt}` });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sockets).toBe(2);
    expect(heard[0]).toMatch(/^Signed/);
  });
});

describe('an event socket that never signs in', () => {
  it('is closed with 4401 once its time to sign in is over', async () => {
    const sockets = createEventSockets({ sessionOf: () => null, signInWithinMs: 50 });
    const server = http.createServer();
    server.on('upgrade', (request, socket, head) => sockets.accept(request, socket, head, null));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const silent = await listen(`http://127.0.0.1:${port}/`);
      expect(await silent.closed).toBe(4401);
    } finally {
      sockets.close();
      server.close();
    }
  });
});

/** A socket signed in by its handshake: the token in the subprotocol header. */
function listenWithToken(url: string, token: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}events`, [
    'comptoir.events',
    `comptoir.bearer.${token}`,
  ]);
  const heard: { event: string; payload: unknown }[] = [];
  socket.on('message', (data) => heard.push(JSON.parse(String(data))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('error', reject);
  });
  return { socket, heard, closed, opened };
}

/** Waits until `done` holds, checking every 20 ms for up to 5 s. */
async function until(done: () => boolean) {
  for (let attempt = 0; attempt < 250 && !done(); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(done()).toBe(true);
}

describe('signing an event socket in with its handshake', () => {
  it('hears events without a first message, and the host chooses comptoir.events', async () => {
    const { host } = await startTestHost();
    const api = createClient(httpTransport({ baseUrl: host.url }));
    const { token } = await api.call('auth.setup', { name: 'Marie', pin: '2468' });
    api.setToken(token);
    const listener = listenWithToken(host.url, token);
    await listener.opened;
    expect(listener.socket.protocol).toBe('comptoir.events');
    await api.call('shop.update', profile);
    await until(() => listener.heard.some((message) => message.event === 'shop.updated'));
    listener.socket.close();
  });

  it.each([
    ['a token nobody signed in with', 'd'.repeat(64)],
    ['a token that is not one', 'D'.repeat(64)],
    ['an empty token', ''],
  ])('refuses the handshake of %s (401)', async (_label, token) => {
    const { host } = await startTestHost();
    const listener = listenWithToken(host.url, token);
    const refused = await new Promise<number>((resolve) =>
      listener.socket.on('unexpected-response', (_request, response) =>
        resolve(response.statusCode ?? 0),
      ),
    );
    expect(refused).toBe(401);
  });

  it('refuses the handshake of a token whose session ended (signed out)', async () => {
    const { host } = await startTestHost();
    const api = createClient(httpTransport({ baseUrl: host.url }));
    const { token } = await api.call('auth.setup', { name: 'Marie', pin: '2468' });
    api.setToken(token);
    await api.call('auth.logout', {});
    const listener = listenWithToken(host.url, token);
    const body = await new Promise<string>((resolve) =>
      listener.socket.on('unexpected-response', (_request, response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += String(chunk);
        });
        response.on('end', () => resolve(text));
      }),
    );
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'session_expired' } });
  });
});

describe('who hears what on the event sockets', () => {
  it('tells a sale to the clerk who made it and to managers, not to another clerk', async () => {
    const { host, core } = await startTestHost({ demo: true });
    createUserStore(core.db, () => new Date()).add('Wei', 'clerk', '2222');
    const signIn = async (name: string, pin: string) => {
      const api = createClient(httpTransport({ baseUrl: host.url }));
      const { token } = await api.call('auth.login', { name, pin });
      api.setToken(token);
      const listener = listenWithToken(host.url, token);
      await listener.opened;
      return { api, listener };
    };
    const seller = await signIn('clerk', '1111');
    const manager = await signIn('manager', '9999');
    const otherClerk = await signIn('Wei', '2222');
    const { sale } = await seller.api.call('sales.renew', {
      msisdn: '687 12 34 56',
      planId: '1go',
      payment: { method: 'card' },
      idempotencyKey: `events-${Date.now()}`,
    });
    expect(sale.status).toBe('succeeded');
    // Events reach each socket in order: once the later shop.updated is in, the sale's were too.
    await manager.api.call('shop.update', profile);
    const heard = (listener: { heard: { event: string }[] }) =>
      listener.heard.map((message) => message.event);
    for (const { listener } of [seller, manager, otherClerk]) {
      await until(() => heard(listener).includes('shop.updated'));
    }
    expect(heard(seller.listener)).toContain('sales.progress');
    expect(heard(manager.listener)).toContain('sales.progress');
    expect(heard(otherClerk.listener)).not.toContain('sales.progress');
    expect(heard(otherClerk.listener)).toContain('shop.updated');
    for (const { listener } of [seller, manager, otherClerk]) listener.socket.close();
  });

  it('tells the same through the desktop window’s IPC', async () => {
    const { core } = await startTestHost({ demo: true });
    createUserStore(core.db, () => new Date()).add('Wei', 'clerk', '2222');
    const window = async (name: string, pin: string) => {
      const api = createClient(ipcTransport(electronBridge(core)));
      api.setToken((await api.call('auth.login', { name, pin })).token);
      const heard: string[] = [];
      api.on('sales.progress', ({ sale }) => heard.push(sale.status));
      return { api, heard };
    };
    const seller = await window('clerk', '1111');
    const manager = await window('manager', '9999');
    const otherClerk = await window('Wei', '2222');
    await seller.api.call('sales.renew', {
      msisdn: '687 12 34 56',
      planId: '1go',
      payment: { method: 'card' },
      idempotencyKey: `ipc-events-${Date.now()}`,
    });
    expect(seller.heard).toContain('succeeded');
    expect(manager.heard).toContain('succeeded');
    expect(otherClerk.heard).toEqual([]);
    await seller.api.call('auth.logout', {});
    await manager.api.call('sales.renew', {
      msisdn: '687 12 34 56',
      planId: '1go',
      payment: { method: 'card' },
      idempotencyKey: `ipc-events-after-${Date.now()}`,
    });
    expect(manager.heard.filter((status) => status === 'succeeded')).toHaveLength(2);
    expect(seller.heard.filter((status) => status === 'succeeded')).toHaveLength(1);
  });
});

describe('a signed-in socket whose session ends', () => {
  it('is closed with 4401 session_expired once unused for the shop’s idle time', async () => {
    let clock = Date.parse('2026-03-02T09:00:00Z');
    const { host } = await startTestHost({ demo: true, now: () => new Date(clock) });
    const clerk = createClient(httpTransport({ baseUrl: host.url }));
    const { token } = await clerk.call('auth.login', { name: 'clerk', pin: '1111' });
    const listener = listenWithToken(host.url, token);
    await listener.opened;
    clock += 6 * 60_000;
    const manager = createClient(httpTransport({ baseUrl: host.url }));
    manager.setToken((await manager.call('auth.login', { name: 'manager', pin: '9999' })).token);
    const { profile: demo } = await manager.call('shop.get', {});
    await manager.call('shop.update', { ...(demo ?? profile), name: 'Après la pause' });
    expect(await listener.closed).toEqual({ code: 4401, reason: 'session_expired' });
    expect(listener.heard).toEqual([]);
  });

  it('is closed even when no event is sent', async () => {
    let state: 'live' | 'ended' = 'live';
    const user = { id: 1, name: 'clerk', role: 'clerk' as const };
    const sockets = createEventSockets({
      sessionOf: () => (state === 'live' ? { user } : 'ended'),
      sweepMs: 20,
    });
    const server = http.createServer();
    server.on('upgrade', (request, socket, head) => sockets.accept(request, socket, head, null));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const listener = listenWithToken(`http://127.0.0.1:${port}/`, 'e'.repeat(64));
      await listener.opened;
      state = 'ended';
      expect(await listener.closed).toEqual({ code: 4401, reason: 'session_expired' });
    } finally {
      sockets.close();
      server.close();
    }
  });
});
