import { describe, expect, it, onTestFinished } from 'vitest';
import { hubJoiner } from '../../../electron/counter/join';
import { createRemoteCore } from '../../../electron/counter/remote-core';
import { readCounterSettings } from '../../../electron/counter/settings';
import { ipcTransport } from '../../../shared/api/bridge';
import { createClient } from '../../../shared/api/client';
import { refusal } from '../../support/api';
import { electronBridge } from '../../support/electron-bridge';
import { withTestHosts } from '../../support/host';
import { startStandInHub } from '../../support/hub-stand-in';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const startHost = withTestHosts();

async function pairedCounter() {
  const { core: hubCore } = await startHost({ demo: true });
  const hub = await startStandInHub({
    core: hubCore,
    certificateFolder: tempDir(),
    code: 'ABCD2345',
  });
  const dir = tempDir();
  await hubJoiner(dir).join(hub.url, 'ABCD2345', hub.fingerprint);
  const settings = readCounterSettings(dir);
  if (!settings) throw new Error('counter.json was not written');
  const counter = createRemoteCore({
    link: settings.link,
    reconnectMs: 100,
    pingMs: 200,
    maxRetryMs: 400,
    log: { error: () => {}, warn: () => {}, info: () => {} },
  });
  onTestFinished(async () => {
    await counter.close();
    await hub.close();
  });
  const signIn = async (name: string, pin: string) => {
    const outcome = await counter.dispatch('auth.login', { name, pin });
    return (outcome as { result: { token: string } }).result.token;
  };
  return { hubCore, hub, counter, signIn };
}

describe('a counter’s core over its hub', () => {
  it('tells each event of the hub once, however many users are signed in at the counter', async () => {
    const { hubCore, counter, signIn } = await pairedCounter();
    const atHub: string[] = [];
    hubCore.events.listen((event, payload) => {
      if (event === 'sales.progress')
        atHub.push((payload as { sale: { status: string } }).sale.status);
    });
    const atCounter: string[] = [];
    counter.events.listen((event, payload) => {
      if (event === 'sales.progress')
        atCounter.push((payload as { sale: { status: string } }).sale.status);
    });
    const clerk = await signIn('clerk', '1111');
    await signIn('manager', '9999');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await counter.dispatch(
      'sales.renew',
      {
        msisdn: '687 12 34 56',
        planId: '1go',
        payment: { method: 'card' },
        idempotencyKey: `once-${Date.now()}`,
      },
      clerk,
    );
    await until(
      () => atCounter,
      (statuses) => statuses.includes('succeeded'),
      'the sale at the counter',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(atCounter).toEqual(atHub);
  });

  it('serves the desktop window in counter mode: signs in, sells through the hub, hears its sale', async () => {
    const { hubCore, hub, counter } = await pairedCounter();
    const window = createClient(ipcTransport(electronBridge(counter)));
    window.setToken((await window.call('auth.login', { name: 'clerk', pin: '1111' })).token);
    const statuses: string[] = [];
    window.on('sales.progress', ({ sale }) => statuses.push(sale.status));
    const connection: boolean[] = [];
    window.on('app.hubConnection', ({ reachable }) => connection.push(reachable));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { sale } = await window.call('sales.renew', {
      msisdn: '687 12 34 56',
      planId: '1go',
      payment: { method: 'card' },
      idempotencyKey: `window-${Date.now()}`,
    });
    expect(sale.status).toBe('succeeded');
    expect(hubCore.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
    await until(
      () => statuses,
      (heard) => heard.includes('succeeded'),
      'the sale in the window',
    );
    await hub.close();
    await until(
      () => connection,
      (heard) => heard.includes(false),
      'the hub gone, in the window',
    );
    const refused = await refusal(window.call('sales.list', {}));
    expect(refused.code).toBe('unreachable');
  });

  it('ends a sign-in the hub ended, and says so to the counter’s window', async () => {
    const { hubCore, counter, signIn } = await pairedCounter();
    const token = await signIn('clerk', '1111');
    await hubCore.dispatch('auth.logout', {}, token);
    expect(await counter.dispatch('sales.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    expect(counter.sessionOf(token)).toBe('ended');
  });
});
