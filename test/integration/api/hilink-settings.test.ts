/**
 * A manager configures a HiLink stick by its address (the simulated stick on 127.0.0.1), the
 * bank opens it over HTTP, and a sale goes through it; a bad address is refused and nothing
 * is saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type HilinkSimulator, startHilinkSimulator } from '../../../electron/gsm/hilink/simulator';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { until } from '../../support/until';

const startTestHost = withTestHosts();
const sticks: HilinkSimulator[] = [];
afterEach(async () => {
  for (const stick of sticks.splice(0)) await stick.close();
});

async function shopWithStick() {
  const started = await startTestHost({ demo: false });
  const manager = createClient(
    httpTransport({ baseUrl: started.host.url, WebSocket: WebSocket as never, reconnectMs: 50 }),
  );
  manager.setToken((await manager.call('auth.setup', { name: 'Mere', pin: '4711' })).token);
  const stick = await startHilinkSimulator();
  sticks.push(stick);
  return { manager, stick };
}

describe('configuring a HiLink stick in the modem bank', () => {
  it('takes the stick by its address, opens it over HTTP and sells through it', async () => {
    const { manager, stick } = await shopWithStick();
    const { modem } = await manager.call('modems.save', {
      id: 'stick-1',
      carrierId: 'nc-demo',
      path: `${stick.url}/`,
      dealerPin: '1234',
    });
    expect(modem).toMatchObject({ id: 'stick-1', path: stick.url, hasDealerPin: true });
    const { modems } = await until(
      () => manager.call('modems.list', {}),
      ({ modems }) => modems[0]?.state === 'ready',
      'the stick to be ready',
    );
    expect(modems[0]).toMatchObject({ link: 'hilink', iccid: '8968700000000000017' });
    const { sale } = await manager.call('sales.renew', {
      msisdn: '687 77 78 88',
      planId: '1go',
      payment: { method: 'card', reference: 'TPE-0042' },
      idempotencyKey: 'hilink-sale-0001',
    });
    expect(sale).toMatchObject({ status: 'succeeded', modemId: 'stick-1' });
    expect(stick.stick.network.snapshot().topUps).toEqual([
      expect.objectContaining({ customer: '687777888', plan: '1Go' }),
    ]);
  });

  it('refuses an address with credentials, a path or another scheme, and saves nothing', async () => {
    const { manager, stick } = await shopWithStick();
    const port = new URL(stick.url).port;
    for (const path of [
      `http://admin:admin@127.0.0.1:${port}`,
      `https://127.0.0.1:${port}`,
      `${stick.url}/api/ussd/send`,
    ]) {
      const error = await refusal(
        manager.call('modems.save', {
          id: 'stick-1',
          carrierId: 'nc-demo',
          path,
          dealerPin: '1234',
        }),
      );
      expect(error.issues?.[0]).toMatchObject({ path: 'path', code: 'invalid_hilink_address' });
    }
    expect((await manager.call('modems.listSettings', {})).modems).toEqual([]);
    expect(stick.requests).toEqual([]);
  });
});
