/**
 * The journal's promise under a crash: a host killed with SIGKILL while a top-up is `sending`
 * restarts with that sale `unknown`, nothing lost and nothing sent again. The shop's modem is a
 * simulated one on a real pseudo-terminal, outside the host, so it outlives the kill and counts
 * the top-ups the network really received.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoShopProfile } from '../../../electron/demo';
import { type PtySimulator, startSimulatorOnPty } from '../../../electron/gsm/simulator/pty';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { xpf } from '../../support/api';
import { firstLine, spawnCli } from '../../support/cli';
import { withTempDirs } from '../../support/temp';
import { until } from '../../support/until';

const tempDir = withTempDirs();
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function startShop(databaseFile: string) {
  const child = spawnCli(['serve', '--db', databaseFile, '--port', '0', '--json']);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  stops.push(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  const { url } = JSON.parse(await firstLine(child));
  const api = createClient(httpTransport({ baseUrl: url, WebSocket: WebSocket as never }));
  return { child, exited, api };
}

describe('a host killed while a top-up is being sent', () => {
  it('restarts with the sale unknown, its receipt issued, and sends nothing again', async () => {
    const dir = tempDir();
    const databaseFile = path.join(dir, 'comptoir.sqlite');
    const simulator: PtySimulator = await startSimulatorOnPty({
      linkPath: path.join(dir, 'ttyUSB0'),
    });
    stops.push(() => simulator.stop());
    const topUpsOf = (customer: string) =>
      simulator.modem.state.carrier.topUps.filter((topUp) => topUp.customer === customer);

    const first = await startShop(databaseFile);
    const { token } = await first.api.call('auth.setup', { name: 'owner', pin: '2468' });
    first.api.setToken(token);
    await first.api.call('shop.update', demoShopProfile);
    await first.api.call('modems.save', {
      id: 'modem-1',
      carrierId: 'nc-demo',
      path: simulator.modemPath,
      dealerPin: '1234',
    });
    await until(
      () => first.api.call('modems.list', {}),
      ({ modems }) => modems[0]?.state === 'ready',
      'the modem',
    );

    // The demo network takes this top-up and never answers: the sale stays sending.
    const request = {
      msisdn: '687999999',
      planId: '1go',
      payment: { method: 'cash' as const, tendered: xpf(2_000) },
      idempotencyKey: 'crash-test-sale-0001',
    };
    first.api.call('sales.renew', request).catch(() => {});
    const { sales } = await until(
      () => first.api.call('sales.list', {}),
      (listed) => listed.sales[0]?.status === 'sending',
      'the sale to be sending',
    );
    await until(
      async () => topUpsOf('687999999').length,
      (count) => count === 1,
      'the network to take the top-up',
    );
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startShop(databaseFile);
    second.api.setToken(
      (await second.api.call('auth.login', { name: 'owner', pin: '2468' })).token,
    );
    const { sale } = await second.api.call('sales.get', { id: sales[0]?.id ?? 0 });
    expect(sale).toMatchObject({
      status: 'unknown',
      msisdn: '+687999999',
      price: { amount: 1_500, currency: 'XPF' },
      payment: {
        method: 'cash',
        tendered: { amount: 2_000, currency: 'XPF' },
        change: { amount: 500, currency: 'XPF' },
      },
    });
    expect(sale.receiptNumber).not.toBeNull();
    const receipt = await second.api.call('receipts.get', { number: sale.receiptNumber ?? 0 });
    expect(receipt.text).toMatch(/EN ATTENTE|PENDING|待核实/);

    // The same sale asked again is the same sale: the journal does not send it twice.
    const again = await second.api.call('sales.renew', request);
    expect(again.sale).toMatchObject({ id: sale.id, status: 'unknown' });
    await until(
      () => second.api.call('modems.list', {}),
      ({ modems }) => modems[0]?.state === 'ready',
      'the modem after the restart',
    );
    expect(topUpsOf('687999999')).toHaveLength(1);
    expect((await second.api.call('sales.list', {})).sales).toHaveLength(1);
  });
});
