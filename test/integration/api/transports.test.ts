import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../../../electron/core';
import { ipcTransport } from '../../../shared/api/bridge';
import { type Client, createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import type { ShopProfile } from '../../../shared/shop';
import { refusal } from '../../support/api';
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

type Connect = (core: Core, url: string) => Client;

const transports: [string, Connect][] = [
  ['Electron IPC', (core) => createClient(ipcTransport(electronBridge(core)))],
  [
    'HTTP',
    (_core, url) =>
      createClient(httpTransport({ baseUrl: url, WebSocket: WebSocket as never, reconnectMs: 50 })),
  ],
];

function storedProfiles(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  const rows = db.prepare('SELECT * FROM shop_profile').all();
  db.close();
  return rows;
}

describe.each(transports)('the API over %s', (_name, connect) => {
  it('saves a shop profile and reads it back', async () => {
    const { core, host } = await startTestHost();
    const api = connect(core, host.url);
    expect(await api.call('shop.get', {})).toEqual({ profile: null });
    const saved = await api.call('shop.update', profile);
    expect(saved.profile).toEqual({ ...profile, phone: '+687 27 12 34' });
    expect(await api.call('shop.get', {})).toEqual(saved);
    expect((await api.call('app.get', {})).defaultLanguage).toBe('fr');
  });

  it('refuses an invalid profile with field issues and writes nothing', async () => {
    const { core, host, databaseFile } = await startTestHost();
    const api = connect(core, host.url);
    const error = await refusal(
      api.call('shop.update', { ...profile, phone: '12', timeZone: 'Mars/Olympus' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: 'timeZone', code: 'unknown_time_zone' },
      { path: 'phone', code: 'invalid_phone' },
    ]);
    expect(storedProfiles(databaseFile)).toEqual([]);
  });

  it('keeps the saved profile when a later edit is invalid', async () => {
    const { core, host, databaseFile } = await startTestHost();
    const api = connect(core, host.url);
    await api.call('shop.update', profile);
    const before = storedProfiles(databaseFile);
    await refusal(api.call('shop.update', { ...profile, name: '' }));
    expect(storedProfiles(databaseFile)).toEqual(before);
  });

  it('answers an unknown procedure with unknown_procedure', async () => {
    const { core, host } = await startTestHost();
    const api = connect(core, host.url);
    const error = await refusal(api.call('shop.delete' as never, {} as never));
    expect(error.code).toBe('unknown_procedure');
  });

  it('pushes shop.updated to signed-in subscribers', async () => {
    const { core, host } = await startTestHost();
    const api = connect(core, host.url);
    api.setToken((await api.call('auth.setup', { name: 'Marie', pin: '2468' })).token);
    const received = new Promise<unknown>((resolve) => {
      const stop = api.on('shop.updated', (payload) => {
        stop();
        resolve(payload);
      });
    });
    // The socket connects asynchronously; saving until the event arrives avoids a timing guess.
    let payload: unknown;
    void received.then((value) => {
      payload = value;
    });
    for (let attempt = 0; attempt < 50 && payload === undefined; attempt++) {
      await api.call('shop.update', { ...profile, name: `Boutique ${attempt}` });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(payload).toMatchObject({ profile: { country: 'NC', phone: '+687 27 12 34' } });
  });
});

describe.each(transports)('signing in over %s', (_name, connect) => {
  it('creates the first manager once, then asks for a manager to change the shop', async () => {
    const { core, host } = await startTestHost();
    const owner = connect(core, host.url);
    const { token, user } = await owner.call('auth.setup', { name: 'Marie', pin: '2468' });
    expect(user).toMatchObject({ name: 'Marie', role: 'manager' });
    expect((await owner.call('app.get', {})).hasUsers).toBe(true);
    const stranger = connect(core, host.url);
    expect((await refusal(stranger.call('auth.setup', { name: 'Eve', pin: '1357' }))).code).toBe(
      'conflict',
    );
    expect((await refusal(stranger.call('shop.update', profile))).code).toBe('unauthorized');
    owner.setToken(token);
    expect((await owner.call('shop.update', profile)).profile.name).toBe(profile.name);
  });

  it('signs in with name and PIN, slows down guessing, and signs out', async () => {
    const { core, host } = await startTestHost({ demo: true });
    const api = connect(core, host.url);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await refusal(api.call('auth.login', { name: 'clerk', pin: '0000' }))).code).toBe(
        'unauthorized',
      );
    }
    const slowed = await refusal(api.call('auth.login', { name: 'clerk', pin: '1111' }));
    expect(slowed).toMatchObject({ code: 'rate_limited', params: { retryAfter: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const manager = await api.call('auth.login', { name: 'MANAGER', pin: '9999' });
    expect(manager.user.role).toBe('manager');
    api.setToken(manager.token);
    await api.call('auth.logout', {});
    expect((await refusal(api.call('auth.logout', {}))).code).toBe('session_expired');
  });

  it('refuses a clerk what only a manager may do', async () => {
    const { core, host } = await startTestHost({ demo: true });
    const api = connect(core, host.url);
    api.setToken((await api.call('auth.login', { name: 'clerk', pin: '1111' })).token);
    expect((await refusal(api.call('shop.update', profile))).code).toBe('forbidden');
  });

  it('refuses a malformed PIN as invalid input, without counting it as a guess', async () => {
    const { core, host } = await startTestHost({ demo: true });
    const api = connect(core, host.url);
    const error = await refusal(api.call('auth.login', { name: 'clerk', pin: '11a1' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toBe('pin');
  });
});

describe('the Electron transport', () => {
  it('answers only Comptoir’s own frames', async () => {
    const { core, databaseFile } = await startTestHost();
    const api = createClient(ipcTransport(electronBridge(core, 'https://evil.example/')));
    const error = await refusal(api.call('shop.update', profile));
    expect(error.code).toBe('forbidden');
    expect(storedProfiles(databaseFile)).toEqual([]);
  });
});
