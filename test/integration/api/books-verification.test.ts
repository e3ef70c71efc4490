import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { startHost } from '../../../electron/host/server';
import { refusal, signedIn, xpf } from '../../support/api';
import { withTestHosts } from '../../support/host';
import { withTempDirs } from '../../support/temp';

const startTestHost = withTestHosts();
const tempDir = withTempDirs();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/**
 * The demo shop (Nouméa, UTC+11) over two days, each with one card sale and its Z report:
 * receipt 1 and Z 1 on 20 November, receipt 2 and Z 2 on the 21st.
 */
async function twoClosedDays() {
  let clock = new Date('2026-11-20T10:00:00+11:00');
  const started = await startTestHost({ demo: true, now: () => clock });
  // Signed in again after each move of the clock: a session left for hours has expired.
  const as = (name: string, pin: string) => signedIn(started.host.url, name, pin);
  for (const [index, day] of ['2026-11-20', '2026-11-21'].entries()) {
    clock = new Date(`${day}T10:00:00+11:00`);
    const clerk = await as('clerk', '1111');
    await clerk.call('shifts.open', { float: xpf(0) });
    const { sale } = await clerk.call('sales.renew', {
      msisdn: '687123456',
      planId: '1go',
      payment: { method: 'card', reference: `TPE-${index}` },
      idempotencyKey: `books-check-${index}`,
    });
    expect(sale.status).toBe('succeeded');
    clock = new Date(`${day}T18:00:00+11:00`);
    await (await as('manager', '9999')).call('day.close', { counted: [] });
  }
  const manager = await as('manager', '9999');
  const clerk = await as('clerk', '1111');
  return { ...started, manager, clerk };
}

/** Changes stored books the way only someone bypassing the app could. */
function tamper(db: Awaited<ReturnType<typeof twoClosedDays>>['core']['db'], sql: string) {
  db.exec('DROP TRIGGER IF EXISTS receipts_are_append_only_update');
  db.exec('DROP TRIGGER IF EXISTS z_reports_are_append_only_update');
  db.exec(sql);
}

const alterZ1 = `UPDATE z_reports SET content = replace(content, '"gross":{"amount":1500', '"gross":{"amount":1400') WHERE number = 1`;
const alterReceipt2 = `UPDATE receipts SET content = replace(content, '"price":{"amount":1500', '"price":{"amount":1400') WHERE number = 2`;

describe('receipts.verify: the books checked by a manager', () => {
  it('finds both chains intact, whole and by day, and is for a manager only', async () => {
    const { manager, clerk } = await twoClosedDays();
    expect(await manager.call('receipts.verify', {})).toEqual({
      day: null,
      receipts: { ok: true, count: 2 },
      zReports: { ok: true, count: 2 },
    });
    expect(await manager.call('receipts.verify', { day: '2026-11-21' })).toEqual({
      day: '2026-11-21',
      receipts: { ok: true, count: 1 },
      zReports: { ok: true, count: 1 },
    });
    expect((await refusal(clerk.call('receipts.verify', {}))).code).toBe('forbidden');
    expect((await refusal(manager.call('receipts.verify', { day: '21/11/2026' }))).code).toBe(
      'invalid_input',
    );
  });

  it('names the first Z report and receipt altered, in the whole books and in their day only', async () => {
    const { manager, core } = await twoClosedDays();
    tamper(core.db, alterZ1);
    tamper(core.db, alterReceipt2);
    expect(await manager.call('receipts.verify', {})).toEqual({
      day: null,
      receipts: { ok: false, count: 2, brokenAt: 2, reason: 'hash_mismatch' },
      zReports: { ok: false, count: 2, brokenAt: 1, reason: 'hash_mismatch' },
    });
    expect(await manager.call('receipts.verify', { day: '2026-11-20' })).toMatchObject({
      receipts: { ok: true },
      zReports: { ok: false, brokenAt: 1, reason: 'hash_mismatch' },
    });
    expect(await manager.call('receipts.verify', { day: '2026-11-21' })).toMatchObject({
      receipts: { ok: false, brokenAt: 2, reason: 'hash_mismatch' },
      zReports: { ok: true },
    });
  });
});

describe('the books checked at every start', () => {
  it('logs a break on the last day with receipts, shows it to a manager, and still starts', async () => {
    const first = await twoClosedDays();
    tamper(first.core.db, alterReceipt2);
    const databaseFile = path.join(tempDir(), 'shop.sqlite');
    await first.core.db.backup(databaseFile);

    const errors: string[] = [];
    const core = await createCore({
      databaseFile,
      demo: true,
      carrierDirs: [path.resolve(__dirname, '../../../resources/carriers')],
      modemProfileDirs: [path.resolve(__dirname, '../../../resources/modems')],
      now: () => new Date('2026-11-23T09:00:00+11:00'),
      log: { error: (line: string) => errors.push(line), warn: () => {}, info: () => {} },
    });
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startHost({ core, rendererDir, port: 0 });
    stops.push(async () => {
      await host.close();
      await core.close();
    });

    expect(errors).toEqual([expect.stringContaining('The books of 2026-11-21 do not verify')]);
    const manager = await signedIn(host.url, 'manager', '9999');
    expect(await manager.call('receipts.getStartCheck', {})).toEqual({
      checkedAt: '2026-11-22T22:00:00.000Z',
      days: [
        {
          day: '2026-11-21',
          receipts: { ok: false, count: 1, brokenAt: 2, reason: 'hash_mismatch' },
          zReports: { ok: true, count: 1 },
        },
        {
          day: '2026-11-23',
          receipts: { ok: true, count: 0 },
          zReports: { ok: true, count: 0 },
        },
      ],
      problem: null,
    });
    // The counter works: a clerk signs in and sees the modems.
    const clerk = await signedIn(host.url, 'clerk', '1111');
    expect((await clerk.call('modems.list', {})).modems.length).toBeGreaterThan(0);
  });

  it('finds nothing to say about intact books', async () => {
    const { manager } = await twoClosedDays();
    const { days, problem } = await manager.call('receipts.getStartCheck', {});
    expect(problem).toBeNull();
    expect(days.every((day) => day.receipts.ok && day.zReports.ok)).toBe(true);
  });
});
