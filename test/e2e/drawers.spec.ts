/**
 * The Day page of a shop with two tills and one drawer for the shop, in Chromium against the
 * browser host: the drawer named, the X report broken down by till, and the shop's day for the
 * manager on the hub.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type { Language } from '../../shared/languages';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { signIn } from './session';

test.use({ viewport: { width: 1024, height: 768 } });

/** Whether the page scrolls sideways (the tests are typed without the DOM library). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number; clientWidth: number } };
    };
    return document.documentElement.scrollWidth > document.documentElement.clientWidth;
  });

/** A 5 Go top-up sold in cash (6 000 F) at a till, now: as the hub's database holds it. */
function soldInCashAt(db: Database.Database, till: string, key: string) {
  const at = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered, clerk_id,
      created_at, updated_at, till_id) VALUES (?, 'succeeded', '+687123456', 'nc-demo', '5go',
      '5 Go', 5120, 30, 6000, 5000, 'XPF', 'cash', 6000,
      (SELECT id FROM users WHERE name = 'clerk'), ?, ?, ?)`)
    .run(key, at, at, till);
  const event = db.prepare(`INSERT INTO sale_events (sale_id, from_status, to_status, at, actor)
    VALUES (?, ?, ?, ?, 'clerk:1')`);
  event.run(lastInsertRowid, 'draft', 'paid', at);
  event.run(lastInsertRowid, 'paid', 'succeeded', at);
}

test('one drawer for the shop: the X report by till and the shop’s day', async ({
  page,
  request,
  serveShop,
  folder,
  problems,
}) => {
  const database = path.join(folder, 'demo.sqlite');
  let host = await serveShop(database, ['--demo']);
  await host.stop();
  // Counter 2, paired, sold a 5 Go top-up in cash: as the hub's database holds it.
  const db = new Database(database);
  db.prepare(`INSERT INTO paired_devices (id, till_name, credential_hash, paired_at, paired_by)
    VALUES ('till-c0ffee42', 'Counter 2', ?, ?, 'manager')`).run(
    'a'.repeat(64),
    new Date().toISOString(),
  );
  soldInCashAt(db, 'till-c0ffee42', 'e2e-counter-2');
  db.close();
  host = await serveShop(database, ['--demo']);

  const login = await request.post(`${host.url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  const set = await request.post(`${host.url}api/tills.setDrawers`, {
    data: { drawers: 'shop' },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(await set.json()).toEqual({ drawers: 'shop' });

  await page.goto(host.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Day' }).click();
  await expect(
    page.getByRole('heading', { name: 'The shop’s one drawer: every till’s sales' }),
  ).toBeVisible();
  const shopDay = page.getByRole('region', { name: 'The shop’s day' });
  await expect(shopDay.getByRole('row', { name: /^Counter 2 / })).toContainText('No Z report yet');
  await expect(shopDay.getByRole('row', { name: /^1 / })).toContainText('Closed');

  await page.getByLabel('Float in the drawer (XPF)').fill('5000');
  await page.getByRole('button', { name: 'Open the day', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'X report' })).toBeVisible();
  const byTill = page.getByRole('region', { name: 'By till' });
  await expect(byTill.getByRole('row', { name: /^Counter 2 / })).toContainText(/6,000\sXPF/);
  await expect(byTill.getByRole('row')).toHaveCount(3);

  expect(await axeViolations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
  for (const language of ['fr', 'zh-CN'] as const satisfies readonly Language[]) {
    await page.locator('#language-picker').selectOption(language);
    await expect(page.getByRole('columnheader').first()).not.toHaveText('Till');
    expect(await axeViolations(page), language).toEqual([]);
    expect(await scrollsSideways(page), language).toBe(false);
  }
  expect(problems).toEqual([]);
});

/** Axe-clean and without sideways scroll in French and Chinese, then back in English. */
async function fitsInEveryLanguage(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
  for (const language of ['fr', 'zh-CN', 'en'] as const satisfies readonly Language[]) {
    await page.locator('#language-picker').selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    expect(await axeViolations(page), language).toEqual([]);
    expect(await scrollsSideways(page), language).toBe(false);
  }
}

test('a counter gone with its drawer open: the manager closes it from the shop’s day', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  const database = path.join(folder, 'demo.sqlite');
  let host = await serveShop(database, ['--demo']);
  await host.stop();
  // Counter 2 opened its shift with 5 000 F, sold a 5 Go top-up in cash, and was revoked.
  const db = new Database(database);
  const opened = new Date(Date.now() - 3_600_000).toISOString();
  db.prepare(`INSERT INTO paired_devices (id, till_name, credential_hash, paired_at, paired_by,
    revoked_at) VALUES ('till-c0ffee43', 'Counter 2', ?, ?, 'manager', ?)`).run(
    'b'.repeat(64),
    opened,
    new Date().toISOString(),
  );
  db.prepare(`INSERT INTO shifts (opened_at, opened_by, float_amount, currency, till_id)
    VALUES (?, (SELECT id FROM users WHERE name = 'clerk'), 5000, 'XPF', 'till-c0ffee43')`).run(
    opened,
  );
  soldInCashAt(db, 'till-c0ffee43', 'e2e-counter-gone');
  db.close();
  host = await serveShop(database, ['--demo']);

  await page.goto(host.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Day' }).click();
  const shopDay = page.getByRole('region', { name: 'The shop’s day' });
  const counter = shopDay.getByRole('row', { name: /^Counter 2 / });
  await expect(counter).toContainText('Open since');
  await fitsInEveryLanguage(page);
  await counter.getByRole('button', { name: 'Close this drawer' }).click();

  await expect(
    page.getByRole('heading', { name: 'Close the drawer of till Counter 2' }),
  ).toBeVisible();
  await fitsInEveryLanguage(page);
  await page.locator('#count-10000').fill('1');
  await page.locator('#count-1000').fill('1');
  await page.getByRole('button', { name: 'Check the close…' }).click();
  const question = page.getByRole('dialog', { name: 'Close the day?' });
  await question.getByRole('button', { name: 'Close the day and issue the Z report' }).click();
  await expect(page.getByText('Z report 1 issued for till Counter 2.')).toHaveRole('status');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(counter).toContainText('Closed');
  await expect(counter).toContainText('Z 1');
  expect(problems).toEqual([]);
});
