import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore } from '../../../electron/core';
import { createClient } from '../../../shared/api/client';
import { httpTransport } from '../../../shared/api/http-transport';
import { refusal, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { until } from '../../support/until';

const startTestHost = withTestHosts();
const shipped = path.resolve(__dirname, '../../../resources/carriers');

async function signedIn(url: string, name: string, pin: string) {
  const api = createClient(
    httpTransport({ baseUrl: url, WebSocket: WebSocket as never, reconnectMs: 50 }),
  );
  api.setToken((await api.call('auth.login', { name, pin })).token);
  return api;
}

/** The demo shop on its database again, as after a restart: the shop's own profiles included. */
function restartDemo(databaseFile: string) {
  const shopDir = path.join(path.dirname(databaseFile), 'carriers');
  return createCore({
    modemProfileDirs: [SHIPPED_MODEMS],
    databaseFile,
    demo: true,
    carrierDirs: [shipped, shopDir],
    shopCarrierDir: shopDir,
    log: { error: () => {}, warn: () => {}, info: () => {} },
  });
}

describe('carrier profiles edited by a manager', () => {
  it('puts a new price in service at once, and keeps it across a restart', async () => {
    const { host, core, databaseFile } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
    const plans = profile.plans.map((plan) =>
      plan.id === '5go' ? { ...plan, price: 6500 } : plan,
    );
    await manager.call('carriers.save', { profile: { ...profile, plans } });

    const catalog = await manager.call('catalog.list', {});
    expect(catalog.carriers[0]?.plans.find((plan) => plan.id === '5go')?.price).toEqual({
      amount: 6500,
      currency: 'XPF',
    });
    const { sale } = await manager.call('sales.renew', {
      msisdn: '687123456',
      planId: '5go',
      payment: { method: 'cash', tendered: xpf(10_000) },
      idempotencyKey: 'carrier-edit-sale-1',
    });
    expect(sale).toMatchObject({ status: 'succeeded', price: { amount: 6500 } });
    const shopDir = path.join(path.dirname(databaseFile), 'carriers');
    expect(await manager.call('carriers.list', {})).toEqual({
      carriers: [
        {
          id: 'nc-demo',
          name: profile.name,
          file: path.join(shopDir, 'nc-demo.json'),
          edited: true,
        },
      ],
      problems: [],
      headOffice: { managed: false, version: 0 },
    });

    await host.close();
    await core.close();
    const restarted = await restartDemo(databaseFile);
    try {
      const again = await restarted.dispatch('catalog.list', {}, null);
      expect(again.ok).toBe(false);
      const login = await restarted.dispatch('auth.login', { name: 'clerk', pin: '1111' });
      const token = login.ok ? (login.result as { token: string }).token : null;
      const listed = await restarted.dispatch('catalog.list', {}, token);
      expect(listed).toMatchObject({
        ok: true,
        result: { carriers: [{ plans: [{}, { id: '5go', price: { amount: 6500 } }, {}] }] },
      });
    } finally {
      await restarted.close();
    }
  });

  it('refuses an invalid profile with the field at fault, and changes nothing', async () => {
    const { host, databaseFile } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
    const [first, ...rest] = profile.plans;
    if (!first) throw new Error('the demo carrier has plans');
    const broken: [unknown, string][] = [
      [{ ...profile, plans: [{ ...first, price: -1 }, ...rest] }, 'profile.plans.0.price'],
      [{ ...profile, plans: [{ ...first, price: 15.5 }, ...rest] }, 'profile.plans.0.price'],
      [{ ...profile, name: 'NC\r\nAT+CFUN=0' }, 'profile.name'],
      [
        { ...profile, plans: [{ ...first, ussdChoice: '1"\r' }, ...rest] },
        'profile.plans.0.ussdChoice',
      ],
    ];
    for (const [candidate, field] of broken) {
      const error = await refusal(manager.call('carriers.save', { profile: candidate as never }));
      expect(error.code, field).toBe('invalid_input');
      expect(
        error.issues?.map((issue) => issue.path),
        field,
      ).toContain(field);
    }
    // Another carrier may not reuse a plan id: a renewal names its plan only.
    const twin = await refusal(
      manager.call('carriers.save', { profile: { ...profile, id: 'nc-other', name: 'Other' } }),
    );
    expect(twin.issues?.[0]).toMatchObject({
      path: 'profile.plans.0.id',
      code: 'plan_of_another_carrier',
    });
    // Prices in a currency the till is not counted in (the demo shop counts in XPF).
    const euros = await refusal(
      manager.call('carriers.save', { profile: { ...profile, currency: 'EUR' } }),
    );
    expect(euros).toMatchObject({
      code: 'invalid_input',
      issues: [
        expect.objectContaining({
          path: 'profile.currency',
          code: 'foreign_currency',
          params: { currency: 'XPF' },
        }),
      ],
    });
    expect(fs.existsSync(path.join(path.dirname(databaseFile), 'carriers'))).toBe(false);
    const catalog = await manager.call('catalog.list', {});
    expect(catalog.carriers.map((carrier) => carrier.id)).toEqual(['nc-demo']);
    expect(catalog.carriers[0]?.plans[0]?.price.amount).toBe(first.price);
  });

  it('is for managers only', async () => {
    const { host } = await startTestHost({ demo: true });
    const clerk = await signedIn(host.url, 'clerk', '1111');
    expect((await refusal(clerk.call('carriers.get', { id: 'nc-demo' }))).code).toBe('forbidden');
    expect((await refusal(clerk.call('carriers.list', {}))).code).toBe('forbidden');
    const manager = await signedIn(host.url, 'manager', '9999');
    expect((await refusal(manager.call('carriers.get', { id: 'nowhere' }))).code).toBe('not_found');
  });

  it('a shop the head office manages runs its catalog from start, and refuses a local edit', async () => {
    const { host, core, databaseFile } = await startTestHost({ demo: true });
    const manager = await signedIn(host.url, 'manager', '9999');
    const { profile } = await manager.call('carriers.get', { id: 'nc-demo' });
    const plans = profile.plans.map((plan) =>
      plan.id === '1go' ? { ...plan, price: 1600 } : plan,
    );
    // What the sync received before the shop closed: managed, and a price due already.
    core.db
      .prepare(
        `INSERT INTO head_office (id, url, shop_id, shop_name, credential_sealed, managed, enrolled_at, enrolled_by)
         VALUES (1, 'https://hq.example.nc', '0190a1b2-0000-7000-8000-000000000001', 'Koné', 'sealed', 1, ?, 'user:1')`,
      )
      .run(new Date().toISOString());
    core.db
      .prepare(
        `INSERT INTO catalog_changes (version, kind, change, effective_from, received_at)
         VALUES (3, 'carrierProfile', ?, '2026-01-01T00:00', ?)`,
      )
      .run(
        JSON.stringify({
          version: 3,
          kind: 'carrierProfile',
          profile: { ...profile, plans },
          effectiveFrom: '2026-01-01T00:00',
        }),
        new Date().toISOString(),
      );
    await host.close();
    await core.close();

    const restarted = await restartDemo(databaseFile);
    try {
      const login = await restarted.dispatch('auth.login', { name: 'manager', pin: '9999' });
      const token = login.ok ? (login.result as { token: string }).token : null;
      await until(
        () => restarted.dispatch('carriers.list', {}, token),
        (listed) =>
          listed.ok &&
          (listed.result as { headOffice: { version: number } }).headOffice.version === 3,
        'the catalog applied at start',
      );
      expect(await restarted.dispatch('catalog.list', {}, token)).toMatchObject({
        ok: true,
        result: { carriers: [{ plans: [{ id: '1go', price: { amount: 1600 } }, {}, {}] }] },
      });
      const edit = await restarted.dispatch('carriers.save', { profile }, token);
      expect(edit).toMatchObject({ ok: false, error: { code: 'managed_by_head_office' } });
      expect(await restarted.dispatch('carriers.get', { id: 'nc-demo' }, token)).toMatchObject({
        result: { profile: { plans: [{ price: 1600 }, {}, {}] } },
      });
    } finally {
      await restarted.close();
    }
  });
});
