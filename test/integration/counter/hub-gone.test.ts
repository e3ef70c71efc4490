import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { hubJoiner } from '../../../electron/counter/join';
import { createRemoteCore } from '../../../electron/counter/remote-core';
import { readCounterSettings } from '../../../electron/counter/settings';
import { hubCertificate } from '../../../electron/counters/certificate';
import type { EventName } from '../../../shared/api/contract';
import { withTestHosts } from '../../support/host';
import { startStandInHub } from '../../support/hub-stand-in';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const startHost = withTestHosts();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

const renewal = (key: string) => ({
  msisdn: '687 12 34 56',
  planId: '1go',
  payment: { method: 'card' },
  idempotencyKey: key,
});

describe('a counter while its hub goes and comes back', () => {
  it('says the hub is gone, refuses sales meanwhile, and sells again once it is back', async () => {
    const { core: hubCore } = await startHost({ demo: true });
    const certificateFolder = tempDir();
    let hub = await startStandInHub({ core: hubCore, certificateFolder, code: 'ABCD2345' });
    const dir = tempDir();
    const joiner = hubJoiner(dir);
    const { fingerprint } = await joiner.inspect(hub.url);
    const { till } = await joiner.join(hub.url, 'ABCD2345', fingerprint);
    const settings = readCounterSettings(dir);
    expect(settings?.till).toEqual(till);

    if (!settings) throw new Error('counter.json was not written');
    const counter = createRemoteCore({
      link: settings.link,
      pingMs: 200,
      maxRetryMs: 400,
      reconnectMs: 100,
      log: quiet,
    });
    onTestFinished(async () => {
      await counter.close();
      await hub.close();
    });
    const heard: { event: EventName; payload: unknown }[] = [];
    counter.events.listen((event, payload) => heard.push({ event, payload }));
    const login = await counter.dispatch('auth.login', { name: 'clerk', pin: '1111' });
    const { token } = (login as { result: { token: string } }).result;
    expect(counter.sessionOf(token)).toMatchObject({ user: { name: 'clerk' } });

    const sold = await counter.dispatch('sales.renew', renewal(`counter-${Date.now()}-1`), token);
    expect(sold).toMatchObject({ ok: true, result: { sale: { status: 'succeeded' } } });
    expect(hubCore.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);
    await until(
      () => heard.filter((message) => message.event === 'sales.progress').length,
      (count) => count > 0,
      'the sale’s progress from the hub',
    );

    await hub.close();
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
    expect(hubCore.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(1);

    hub = await startStandInHub({
      core: hubCore,
      certificateFolder,
      code: 'ABCD2345',
      port: hub.port,
    });
    await until(
      () => heard.filter((message) => message.event === 'app.hubConnection').at(-1)?.payload,
      (payload) => (payload as { reachable?: boolean } | undefined)?.reachable === true,
      'the counter to see the hub back',
    );
    const progressBefore = heard.filter((message) => message.event === 'sales.progress').length;
    // The event socket signs in again by itself: the next sale's progress is heard.
    await until(
      () => hub.received(),
      (count) => count > 0,
      'the socket back',
    );
    const again = await counter.dispatch('sales.renew', renewal(`counter-${Date.now()}-3`), token);
    expect(again).toMatchObject({ ok: true, result: { sale: { status: 'succeeded' } } });
    await until(
      () => heard.filter((message) => message.event === 'sales.progress').length,
      (count) => count > progressBefore,
      'the progress of the sale after the hub came back',
    );
    expect(hubCore.db.prepare('SELECT count(*) FROM sales').pluck().get()).toBe(2);
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
