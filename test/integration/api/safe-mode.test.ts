import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Core, type CoreOptions, createCore } from '../../../electron/core';
import { startHost } from '../../../electron/host/server';
import type { Outcome } from '../../../shared/api/bridge';
import { xpf } from '../../support/api';
import { alterIndexEntry, overwritePageOf } from '../../support/damaged-pages';
import { SHIPPED_MODEMS } from '../../support/modem-profiles';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };
const carrierDirs = [path.resolve(__dirname, '../../../resources/carriers')];

let keys = 0;
const sale = (msisdn = '687123456') => ({
  msisdn,
  planId: '1go',
  payment: { method: 'cash', tendered: xpf(1500) },
  idempotencyKey: `safe-mode-${++keys}`,
});

function openCore(databaseFile: string, extra: Partial<CoreOptions> = {}) {
  return createCore({
    databaseFile,
    demo: true,
    carrierDirs,
    modemProfileDirs: [SHIPPED_MODEMS],
    log: quiet,
    ...extra,
  });
}

async function tokenOf(core: Core, name: string, pin: string) {
  const outcome = await core.dispatch('auth.login', { name, pin });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return (outcome.result as { token: string }).token;
}

const result = <T>(outcome: Outcome) => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as T;
};

/** A demo shop with one sale (and its receipt) made and the core closed again. */
async function shopWithOneSale(extra: Partial<CoreOptions> = {}) {
  const databaseFile = path.join(tempDir(), 'shop.sqlite');
  const core = await openCore(databaseFile, extra);
  try {
    const clerk = await tokenOf(core, 'clerk', '1111');
    const sold = result<{ sale: { status: string } }>(
      await core.dispatch('sales.renew', sale(), clerk),
    );
    expect(sold.sale.status).toBe('succeeded');
  } finally {
    await core.close();
  }
  return databaseFile;
}

describe('a damaged database is not sold on', () => {
  it('with the sales page damaged, the host opens in safe mode: no modem, 503 for a sale, reads where readable', async () => {
    const databaseFile = await shopWithOneSale();
    overwritePageOf(databaseFile, 'sales');
    const core = await openCore(databaseFile);
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const host = await startHost({ core, rendererDir, port: 0 });
    const call = async (name: string, body: unknown, token?: string) => {
      const response = await fetch(new URL(`/api/${name}`, host.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, never> };
    };
    try {
      expect((await call('app.get', {})).body).toMatchObject({ databaseDamaged: true });
      const clerk = await tokenOf(core, 'clerk', '1111');
      const refused = await call('sales.renew', sale(), clerk);
      expect(refused).toMatchObject({ status: 503, body: { error: { code: 'database_damaged' } } });
      // No modem was opened, so nothing could be sent.
      expect((await call('modems.list', {}, clerk)).body).toEqual({ modems: [] });
      // The receipt's own page is whole: it still reads; the sales' page answers damaged, not 500.
      expect((await call('receipts.get', { number: 1 }, clerk)).body).toMatchObject({
        number: 1,
      });
      expect(await call('sales.list', {}, clerk)).toMatchObject({
        status: 503,
        body: { error: { code: 'database_damaged' } },
      });
      expect((await call('day.list', {}, clerk)).body).toEqual({ reports: [] });
      // Nothing is written either: no shift is opened on a damaged file.
      expect((await call('shifts.open', { float: xpf(5000) }, clerk)).status).toBe(503);
    } finally {
      await host.close();
      await core.close();
    }
  });

  it('with an index page overwritten, the check at start finds it before anything is sold', async () => {
    const databaseFile = await shopWithOneSale();
    overwritePageOf(databaseFile, 'sales_by_number');
    const core = await openCore(databaseFile);
    try {
      expect(result(await core.dispatch('app.get', {}))).toMatchObject({ databaseDamaged: true });
      const clerk = await tokenOf(core, 'clerk', '1111');
      expect(await core.dispatch('sales.renew', sale('687654321'), clerk)).toMatchObject({
        ok: false,
        error: { code: 'database_damaged' },
      });
      const sold = core.db.prepare('SELECT count(*) FROM sales').pluck();
      expect(sold.get()).toBe(1);
    } finally {
      await core.close();
    }
  });

  it('a read at start that meets a damaged page opens in safe mode, though the quick check passed', async () => {
    const dir = tempDir();
    const databaseFile = path.join(dir, 'shop.sqlite');
    const core = await openCore(databaseFile, { shopCarrierDir: path.join(dir, 'carriers') });
    try {
      const manager = await tokenOf(core, 'manager', '9999');
      const { profile } = result<{ profile: { topUp: object } }>(
        await core.dispatch('carriers.get', { id: 'nc-demo' }, manager),
      );
      const quick = { ...profile, topUp: { ...profile.topUp, timeoutMs: 1_000 } };
      result(await core.dispatch('carriers.save', { profile: quick }, manager));
      const clerk = await tokenOf(core, 'clerk', '1111');
      for (const msisdn of ['687123456', '687123457']) {
        result(await core.dispatch('sales.renew', sale(msisdn), clerk));
      }
      // The demo network never answers this one: sale 3 is unknown, its receipt 3 pending.
      expect(result(await core.dispatch('sales.renew', sale('687999999'), clerk))).toMatchObject({
        sale: { id: 3, status: 'unknown' },
      });
    } finally {
      await core.close();
    }
    // The entry (sale 3, row 3) of the pending receipts' index now points at row 99: the page is
    // well formed, and every start reads through it.
    alterIndexEntry(
      databaseFile,
      'receipts_pending',
      Uint8Array.of(3, 1, 1, 3, 3),
      Uint8Array.of(3, 1, 1, 3, 99),
    );
    const check = new BetterSqlite3(databaseFile, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();

    const again = await openCore(databaseFile);
    try {
      expect(result(await again.dispatch('app.get', {}))).toMatchObject({ databaseDamaged: true });
      const clerk = await tokenOf(again, 'clerk', '1111');
      expect(await again.dispatch('sales.renew', sale('687123458'), clerk)).toMatchObject({
        ok: false,
        error: { code: 'database_damaged' },
      });
    } finally {
      await again.close();
    }
  });

  it('a full check after the start that finds damage switches a running shop to safe mode', async () => {
    let clock = Date.parse('2026-12-06T09:00:00Z');
    const databaseFile = path.join(tempDir(), 'shop.sqlite');
    const core = await openCore(databaseFile, {
      now: () => new Date(clock),
      databaseChecks: { firstAfterMs: 60_000, everyMs: 86_400_000, tickMs: 10 },
    });
    try {
      const clerk = await tokenOf(core, 'clerk', '1111');
      expect(result(await core.dispatch('sales.renew', sale(), clerk))).toMatchObject({
        sale: { status: 'succeeded' },
      });
      // Well formed but wrong: SQLite's quick check passes it, only the full one sees it.
      alterIndexEntry(databaseFile, 'sales_by_number', '+687123456', '+687923456');
      const told = new Promise<void>((resolve) =>
        core.events.listen((event) => {
          if (event === 'app.databaseDamaged') resolve();
        }),
      );
      clock += 60_000;
      await told;
      expect(result(await core.dispatch('app.get', {}))).toMatchObject({ databaseDamaged: true });
      expect(await core.dispatch('sales.renew', sale('687654321'), clerk)).toMatchObject({
        ok: false,
        error: { code: 'database_damaged' },
      });
      expect(result(await core.dispatch('sales.list', {}, clerk))).toMatchObject({
        sales: [{ status: 'succeeded' }],
      });
    } finally {
      await core.close();
    }
  });
});

describe('a manager restores a backup from safe mode', () => {
  it('by its name in the list, and the shop then sells again; a clerk and a path are refused', async () => {
    const folder = path.join(tempDir(), 'backups');
    const databaseFile = await shopWithOneSale({ backups: { folder } });
    overwritePageOf(databaseFile, 'sales');
    const core = await openCore(databaseFile, { backups: { folder } });
    try {
      const manager = await tokenOf(core, 'manager', '9999');
      const clerk = await tokenOf(core, 'clerk', '1111');
      const { backups } = result<{ backups: { name: string }[] }>(
        await core.dispatch('backups.list', {}, manager),
      );
      const name = backups[0]?.name ?? '';
      expect(name).toMatch(/^comptoir-.*\.sqlite$/);
      expect(await core.dispatch('backups.restore', { name }, clerk)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const outside = path.join(tempDir(), 'comptoir-20260101T000000000Z.sqlite');
      fs.copyFileSync(path.join(folder, name), outside);
      for (const refused of [outside, `../${path.basename(outside)}`, `../backups/${name}`]) {
        expect(await core.dispatch('backups.restore', { name: refused }, manager)).toMatchObject({
          ok: false,
          error: { code: 'not_found' },
        });
      }
      const restored = result<{ report: { setAside: string } }>(
        await core.dispatch('backups.restore', { name }, manager),
      );
      expect(fs.existsSync(restored.report.setAside)).toBe(true);
      expect(result(await core.dispatch('app.get', {}))).toMatchObject({ databaseDamaged: false });
      // The shop reopened: everyone signs in again, and it sells.
      expect(await core.dispatch('sales.list', {}, clerk)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized' },
      });
      const again = await tokenOf(core, 'clerk', '1111');
      expect(result(await core.dispatch('sales.renew', sale('687654321'), again))).toMatchObject({
        sale: { status: 'succeeded' },
      });
    } finally {
      await core.close();
    }
  });

  it('a backup that fails the checks is refused, and the shop goes on as it was', async () => {
    const folder = path.join(tempDir(), 'backups');
    const databaseFile = path.join(tempDir(), 'shop.sqlite');
    const core = await openCore(databaseFile, { backups: { folder } });
    try {
      const manager = await tokenOf(core, 'manager', '9999');
      const { backup } = result<{ backup: { file: string; name: string } }>(
        await core.dispatch('backups.create', {}, manager),
      );
      // Not a database any more: SQLite's header is gone.
      fs.writeFileSync(backup.file, Buffer.alloc(4096, 0x5a));
      expect(await core.dispatch('backups.restore', { name: backup.name }, manager)).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/damaged/) },
      });
      expect(fs.readdirSync(path.dirname(databaseFile))).not.toContainEqual(
        expect.stringMatching(/before-restore/),
      );
      // Nothing was closed: the manager is still signed in, and the shop still sells.
      expect(await core.dispatch('backups.list', {}, manager)).toMatchObject({ ok: true });
      const clerk = await tokenOf(core, 'clerk', '1111');
      expect(result(await core.dispatch('sales.renew', sale('687654321'), clerk))).toMatchObject({
        sale: { status: 'succeeded' },
      });
    } finally {
      await core.close();
    }
  });
});
