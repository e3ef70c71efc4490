import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from 'vitest';
import { createCore } from '../electron/core';
import { percentile, report } from './report';
import { salesDatabase } from './sales-db';
import { inProcessClient } from './shop';

const carrierDirs = [path.resolve(__dirname, '../resources/carriers')];
const modemProfileDirs = [path.resolve(__dirname, '../resources/modems')];
const quiet = { error() {}, warn() {}, info() {} };
/** Days of the generated shop (1,000 sales each) one shift spans: 5,000 sales. */
const daysPerShift = 5;
const shifts = 5;

test('issue 5: day.getReport and day.close on a shift of 5,000 sales inside 1,000,000', async () => {
  const database = salesDatabase({ sales: 1_000_000, salesPerDay: 1000 });
  // A copy: closing days writes shifts and Z reports, and the cached file stays as built.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-day-bench-'));
  const file = path.join(dir, 'shop.sqlite');
  fs.copyFileSync(database.file, file);
  const firstDay = Math.floor(database.days / 2);
  // The shift before the first measured one closed when its first day began.
  const setUp = new BetterSqlite3(file);
  setUp
    .prepare(`INSERT INTO shifts (opened_at, opened_by, float_amount, currency, closed_at,
        closed_by) VALUES (?, 1, 0, 'XPF', ?, 1)`)
    .run(database.day(firstDay - 1).from.toISOString(), database.day(firstDay).from.toISOString());
  setUp.close();

  let clock = database.day(firstDay).from;
  const core = await createCore({
    databaseFile: file,
    demo: false,
    carrierDirs,
    modemProfileDirs,
    log: quiet,
    now: () => clock,
  });
  const api = inProcessClient(core);
  // Sessions expire by the core's clock, which jumps days here: sign in at each new time.
  const at = async (instant: Date) => {
    clock = instant;
    api.setToken((await api.call('auth.login', { name: 'manager', pin: '1111' })).token);
  };
  const reports: number[] = [];
  const closes: number[] = [];
  let sales = 0;
  try {
    for (let shift = 0; shift < shifts; shift++) {
      const start = firstDay + shift * daysPerShift;
      await at(new Date(database.day(start).from.getTime() + 60_000));
      await api.call('shifts.open', { float: { amount: 20_000, currency: 'XPF' } });
      await at(new Date(database.day(start + daysPerShift - 1).to.getTime() - 60_000));
      for (let run = 0; run < 21; run++) {
        const began = performance.now();
        const { report: x } = await api.call('day.getReport', {});
        // The first of each shift warms the page cache and the statements.
        if (run > 0) reports.push(performance.now() - began);
        sales = x.totals.sales;
      }
      const began = performance.now();
      const { z } = await api.call('day.close', {
        counted: [{ denomination: { amount: 10_000, currency: 'XPF' }, count: 2 }],
        reason: 'bench: the drawer is not counted',
      });
      closes.push(performance.now() - began);
      expect(z.report.totals.sales).toBe(sales);
    }
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(sales).toBeGreaterThanOrEqual(4_900);
  const sortedReports = reports.sort((a, b) => a - b);
  const sortedCloses = closes.sort((a, b) => a - b);
  report('issue 5: the day on a shop with 1,000,000 sales', {
    'sales in each shift (last one)': sales,
    'day.getReport (X), in-process, p50 ms': percentile(sortedReports, 50).toFixed(1),
    'day.getReport (X), in-process, p99 ms': percentile(sortedReports, 99).toFixed(1),
    'day.close (Z issued), in-process, each of 5 shifts, ms': closes
      .map((ms) => ms.toFixed(1))
      .join(' / '),
    'day.close median ms': percentile(sortedCloses, 50).toFixed(1),
  });
  expect(percentile(sortedReports, 50)).toBeLessThan(100);
  expect(percentile(sortedCloses, 50)).toBeLessThan(100);
}, 1_800_000);
