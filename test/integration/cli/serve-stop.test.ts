/**
 * A clean stop of the browser host in shop mode (SIGTERM, as a service manager sends it): with
 * nothing in flight it closes everything and exits; with a top-up in flight it lets the top-up
 * end first, so the sale is final rather than `unknown`. The modem is a simulated one on a real
 * pseudo-terminal, outside the host. How long the stop takes is measured in bench/soak, not here.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoShopProfile } from '../../../electron/demo';
import { type PtySimulatorOptions, startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { xpf } from '../../support/api';
import { finished, firstLine, spawnCli } from '../../support/cli';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A shop with one modem (a simulated one of `profile` on a PTY), its host serving. */
async function shopWithModem(profile: PtySimulatorOptions['profile']) {
  const dir = tempDir();
  const databaseFile = path.join(dir, 'comptoir.sqlite');
  const simulator = await startSimulatorOnPty({ linkPath: path.join(dir, 'ttyUSB0'), profile });
  stops.push(() => simulator.stop());
  const child = spawnCli(['serve', '--db', databaseFile, '--port', '0', '--json']);
  const done = finished(child);
  stops.push(async () => {
    child.kill('SIGKILL');
    await done;
  });
  const { url } = JSON.parse(await firstLine(child));
  const api = createClient(httpTransport({ baseUrl: url, WebSocket: WebSocket as never }));
  api.setToken((await api.call('auth.setup', { name: 'owner', pin: '2468' })).token);
  await api.call('shop.update', demoShopProfile);
  await api.call('modems.save', {
    id: 'modem-1',
    carrierId: 'nc-demo',
    path: simulator.modemPath,
    dealerPin: '1234',
  });
  // A modem is lent once idle and registered.
  await until(
    () => api.call('modems.list', {}),
    ({ modems }) =>
      modems[0]?.state === 'ready' && modems[0].registration?.startsWith('registered') === true,
    'the modem',
  );
  return { databaseFile, child, done, api, simulator };
}

describe('comptoir serve stopped by SIGTERM in shop mode', () => {
  it('with nothing in flight, exits cleanly having closed the database and the modem', async () => {
    const shop = await shopWithModem('generic');
    shop.child.kill('SIGTERM');
    const { code, stderr } = await shop.done;
    expect(code).toBe(0);
    expect(stderr).toBe('');
    // The last connection closed checkpoints the WAL and removes it.
    expect(fs.existsSync(`${shop.databaseFile}-wal`)).toBe(false);
    // The port was let go: the modem answers a new client.
    const again = spawnCli(['at', '--port', shop.simulator.modemPath, 'AT', '--json']);
    expect((await finished(again)).code).toBe(0);
  });

  it('with a top-up in flight, lets it end so the sale is final, with its receipt', async () => {
    // The network takes a second and a half to answer each step of the top-up (registered at
    // once, unlike the simulator's "slow" profile).
    const shop = await shopWithModem(['generic', { networkLatencyMs: 1500 }]);
    shop.api
      .call('sales.renew', {
        msisdn: '687123456',
        planId: '1go',
        payment: { method: 'cash', tendered: xpf(2_000) },
        idempotencyKey: 'stop-test-sale-0001',
      })
      // The host closes the connection as it stops; the sale goes on inside it.
      .catch(() => {});
    await until(
      () => shop.api.call('sales.list', {}),
      (listed) => listed.sales[0]?.status === 'sending',
      'the sale to be sending',
    );
    shop.child.kill('SIGTERM');
    expect((await shop.done).code).toBe(0);

    const db = new BetterSqlite3(shop.databaseFile, { readonly: true });
    const sale = db.prepare('SELECT id, status FROM sales').get() as { id: number; status: string };
    const receipts = db.prepare('SELECT count(*) FROM receipts WHERE sale_id = ?').pluck();
    const receiptCount = receipts.get(sale.id);
    db.close();
    expect(sale.status).toBe('succeeded');
    expect(receiptCount).toBe(1);
    expect(shop.simulator.modem.state.carrier.topUps).toHaveLength(1);
    // Five slow network rounds, and a host started and stopped: room on a busy machine.
  }, 60_000);
});
