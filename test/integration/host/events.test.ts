import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventSockets } from '../../../electron/host/event-sockets';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import type { ShopProfile } from '../../../shared/shop';
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
    server.on('upgrade', (request, socket, head) => sockets.accept(request, socket, head));
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
