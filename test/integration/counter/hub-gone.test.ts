import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { hubJoiner } from '../../../electron/counter/join';
import { createRemoteCore } from '../../../electron/counter/remote-core';
import { readCounterSettings } from '../../../electron/counter/settings';
import { hubCertificate } from '../../../electron/counters/certificate';
import { ipcTransport } from '../../../shared/api/bridge';
import { createClient } from '../../../shared/api/client';
import type { EventName } from '../../../shared/api/contract';
import { refusal } from '../../support/api';
import { spawnHub } from '../../support/counter-hub';
import { electronBridge } from '../../support/electron-bridge';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

const renewal = (key: string) => ({
  msisdn: '687 12 34 56',
  planId: '1go',
  payment: { method: 'card' },
  idempotencyKey: key,
});

/** A counter paired with a spawned hub, its core watching closely. */
async function pairedCounter() {
  const hub = await spawnHub(tempDir());
  const dir = tempDir();
  const { till } = await hubJoiner(dir).join(hub.url, await hub.code(), hub.fingerprint);
  const settings = readCounterSettings(dir);
  if (!settings) throw new Error('counter.json was not written');
  const counter = createRemoteCore({
    link: settings.link,
    pingMs: 200,
    maxRetryMs: 400,
    reconnectMs: 100,
    log: quiet,
  });
  onTestFinished(() => counter.close());
  const heard: { event: EventName; payload: unknown }[] = [];
  counter.events.listen((event, payload) => heard.push({ event, payload }));
  const signIn = async () => {
    const login = await counter.dispatch('auth.login', { name: 'clerk', pin: '1111' });
    return (login as { result: { token: string } }).result.token;
  };
  return { hub, till, counter, heard, signIn };
}

const count = (heard: { event: EventName }[], event: EventName) =>
  heard.filter((message) => message.event === event).length;

describe('a counter while its hub goes and comes back', () => {
  it('says the hub is gone, refuses sales meanwhile, and sells again once it is back', async () => {
    const { hub, counter, heard, signIn } = await pairedCounter();
    const token = await signIn();
    expect(counter.sessionOf(token)).toMatchObject({ user: { name: 'clerk' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sold = await counter.dispatch('sales.renew', renewal(`counter-${Date.now()}-1`), token);
    expect(sold).toMatchObject({ ok: true, result: { sale: { status: 'succeeded' } } });
    await until(
      () => count(heard, 'sales.progress'),
      (n) => n > 0,
      'the sale’s progress',
    );

    await hub.stop();
    const lost = await until(
      () => heard.find((message) => message.event === 'app.hubConnection'),
      (message) => message !== undefined,
      'the counter to see the hub gone',
    );
    expect(lost?.payload).toMatchObject({ reachable: false, problem: expect.any(String) });
    const refused = await counter.dispatch(
      'sales.renew',
      renewal(`counter-${Date.now()}-2`),
      token,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(hub.sales()).toBe(1);

    await hub.start();
    await until(
      () => heard.filter((message) => message.event === 'app.hubConnection').at(-1)?.payload,
      (payload) => (payload as { reachable?: boolean } | undefined)?.reachable === true,
      'the counter to see the hub back',
    );
    // A hub that restarted has forgotten the sign-in: the clerk is told to sign in again.
    expect(await counter.dispatch('sales.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    expect(counter.sessionOf(token)).toBe('ended');
    const again = await signIn();
    const progressBefore = count(heard, 'sales.progress');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sale = await counter.dispatch('sales.renew', renewal(`counter-${Date.now()}-3`), again);
    expect(sale).toMatchObject({ ok: true, result: { sale: { status: 'succeeded' } } });
    // The event socket signed in again: the sale's progress is heard.
    await until(
      () => count(heard, 'sales.progress'),
      (n) => n > progressBefore,
      'the progress of the sale after the hub came back',
    );
    expect(hub.sales()).toBe(2);
  });

  it('signs everyone out of a counter the hub revoked', async () => {
    const { hub, till, counter, signIn } = await pairedCounter();
    const token = await signIn();
    await hub.revoke(till.id);
    expect(await counter.dispatch('sales.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'device_unpaired' },
    });
    expect(counter.sessionOf(token)).toBe('ended');
  });

  it('tells each event of the hub once, however many users are signed in at the counter', async () => {
    const { counter, heard, signIn } = await pairedCounter();
    const clerk = await signIn();
    await counter.dispatch('auth.login', { name: 'manager', pin: '9999' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await counter.dispatch('sales.renew', renewal(`once-${Date.now()}`), clerk);
    const statuses = () =>
      heard
        .filter((message) => message.event === 'sales.progress')
        .map((message) => (message.payload as { sale: { status: string } }).sale.status);
    await until(statuses, (seen) => seen.includes('succeeded'), 'the sale at the counter');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statuses()).toEqual([...new Set(statuses())]);
  });

  it('serves the desktop window in counter mode: signs in, sells through the hub, hears its sale', async () => {
    const { hub, counter } = await pairedCounter();
    const window = createClient(ipcTransport(electronBridge(counter)));
    window.setToken((await window.call('auth.login', { name: 'clerk', pin: '1111' })).token);
    const statuses: string[] = [];
    window.on('sales.progress', ({ sale }) => statuses.push(sale.status));
    const connection: boolean[] = [];
    window.on('app.hubConnection', ({ reachable }) => connection.push(reachable));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { sale } = await window.call('sales.renew', renewal(`window-${Date.now()}`) as never);
    expect(sale.status).toBe('succeeded');
    expect(hub.sales()).toBe(1);
    await until(
      () => statuses,
      (seen) => seen.includes('succeeded'),
      'the sale in the window',
    );
    await hub.stop();
    await until(
      () => connection,
      (seen) => seen.includes(false),
      'the hub gone, in the window',
    );
    expect((await refusal(window.call('sales.list', {}))).code).toBe('unreachable');
  });
});

describe('a sale under way when the hub stops answering', () => {
  it('is answered unreachable at once, saying the sale may have reached the hub', async () => {
    const certificate = await hubCertificate(tempDir());
    let answering = true;
    const hanging = https.createServer(
      { cert: certificate.cert, key: certificate.key },
      (request, response) => {
        if (answering && request.url === '/api/app.get') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{}');
        }
        // Anything else, and everything once the hub is "gone", is never answered.
      },
    );
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.2', resolve));
    onTestFinished(() => {
      hanging.closeAllConnections();
      hanging.close();
    });
    const { port } = hanging.address() as AddressInfo;
    const counter = createRemoteCore({
      link: {
        url: `https://127.0.0.2:${port}`,
        fingerprint: certificate.fingerprint,
        credential: 'a'.repeat(64),
      },
      pingMs: 200,
      pingTimeoutMs: 300,
      log: quiet,
    });
    onTestFinished(() => counter.close());
    const sale = counter.dispatch('sales.renew', renewal(`hanging-${Date.now()}`), 'b'.repeat(64));
    answering = false;
    const started = Date.now();
    expect(await sale).toMatchObject({
      ok: false,
      error: { code: 'unreachable', message: expect.stringContaining('may have reached the hub') },
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
