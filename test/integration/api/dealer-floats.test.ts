import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api/contract';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { until } from '../../support/until';

const startTestHost = withTestHosts();

describe('dealer floats over the API, on the demo bank', () => {
  it('lists each dealer SIM’s float, which a sale updates, and pushes modems.floats to the counters', async () => {
    const { host } = await startTestHost({ demo: true });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const { floats } = await clerk.call('modems.listFloats', {});
    expect(floats.map((float) => [float.modemId, float.balance, float.soldToday])).toEqual([
      ['nc-demo-sim-1', null, xpf(0)],
      ['nc-demo-sim-2', null, xpf(0)],
    ]);
    const pushed: EventPayload<'modems.floats'>[] = [];
    clerk.on('modems.floats', (payload) => pushed.push(payload));
    const { sale } = await clerk.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: { method: 'card' },
      idempotencyKey: `float-api-${Date.now()}`,
    });
    const after = (await clerk.call('modems.listFloats', {})).floats.find(
      (float) => float.modemId === sale.modemId,
    );
    expect(after).toMatchObject({
      balance: sale.dealerBalanceAfter,
      source: 'top-up',
      soldToday: xpf(6000),
    });
    await until(
      () => pushed,
      (seen) => seen.some(({ floats: all }) => all.some((float) => float.source === 'top-up')),
      'the floats pushed',
    );
  });

  it('lets a manager set a SIM’s threshold and cap in its carrier’s money, and refuses bad ones', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const set = await manager.call('modems.setFloatWatch', {
      id: 'nc-demo-sim-1',
      lowThreshold: xpf(50_000),
      dailyCap: xpf(200_000),
    });
    expect(set.float).toMatchObject({
      modemId: 'nc-demo-sim-1',
      lowThreshold: xpf(50_000),
      dailyCap: xpf(200_000),
      low: false,
    });
    const foreign = await refusal(
      manager.call('modems.setFloatWatch', {
        id: 'nc-demo-sim-1',
        lowThreshold: { amount: 500, currency: 'EUR' },
        dailyCap: null,
      }),
    );
    expect(foreign.issues?.[0]).toMatchObject({
      path: 'lowThreshold.currency',
      code: 'foreign_currency',
    });
    const nothing = await refusal(
      manager.call('modems.setFloatWatch', {
        id: 'nc-demo-sim-1',
        lowThreshold: null,
        dailyCap: xpf(0),
      }),
    );
    expect(nothing.issues?.[0]).toMatchObject({ path: 'dailyCap.amount', code: 'cap_zero' });
    const unknown = await refusal(
      manager.call('modems.setFloatWatch', { id: 'sim-9', lowThreshold: null, dailyCap: null }),
    );
    expect(unknown.code).toBe('not_found');
    // What was refused changed nothing.
    const [kept] = (await manager.call('modems.listFloats', {})).floats;
    expect(kept).toMatchObject({ lowThreshold: xpf(50_000), dailyCap: xpf(200_000) });

    const clerk = await signedIn(host.url, 'clerk', '1111');
    const forbidden = await refusal(
      clerk.call('modems.setFloatWatch', {
        id: 'nc-demo-sim-1',
        lowThreshold: null,
        dailyCap: null,
      }),
    );
    expect(forbidden.code).toBe('forbidden');
  });

  it('keeps the manager’s phone that low floats are texted to, in international form', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    expect(await manager.call('modems.getFloatAlerts', {})).toEqual({ managerPhone: null });
    expect(await manager.call('modems.setFloatAlerts', { managerPhone: '+687751234' })).toEqual({
      managerPhone: '+687751234',
    });
    const national = await refusal(
      manager.call('modems.setFloatAlerts', { managerPhone: '751234' }),
    );
    expect(national.code).toBe('invalid_input');
    expect(await manager.call('modems.getFloatAlerts', {})).toEqual({ managerPhone: '+687751234' });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    expect((await refusal(clerk.call('modems.getFloatAlerts', {}))).code).toBe('forbidden');
  });

  it('refuses a sale no dealer SIM may send (caps reached) with no_modem and the reason, selling nothing', async () => {
    const { host } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    for (const id of ['nc-demo-sim-1', 'nc-demo-sim-2']) {
      await manager.call('modems.setFloatWatch', { id, lowThreshold: null, dailyCap: xpf(5000) });
    }
    const clerk = await signedIn(host.url, 'clerk', '1111');
    const refused = await refusal(
      clerk.call('sales.renew', {
        msisdn: '687123456',
        planId: '5go',
        payment: { method: 'card' },
        idempotencyKey: `float-capped-${Date.now()}`,
      }),
    );
    expect(refused).toMatchObject({ code: 'no_modem', params: { reason: 'cap' } });
    expect((await clerk.call('sales.list', {})).sales).toEqual([]);
  });
});
