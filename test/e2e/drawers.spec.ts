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
  const at = new Date().toISOString();
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO sales (idempotency_key, status, msisdn, carrier_id, plan_id, plan_name,
      data_mb, validity_days, price, dealer_cost, currency, payment_method, tendered, clerk_id,
      created_at, updated_at, till_id) VALUES ('e2e-counter-2', 'succeeded', '+687123456',
      'nc-demo', '5go', '5 Go', 5120, 30, 6000, 5000, 'XPF', 'cash', 6000,
      (SELECT id FROM users WHERE name = 'clerk'), ?, ?, 'till-c0ffee42')`)
    .run(at, at);
  const event = db.prepare(`INSERT INTO sale_events (sale_id, from_status, to_status, at, actor)
    VALUES (?, ?, ?, ?, 'clerk:1')`);
  event.run(lastInsertRowid, 'draft', 'paid', at);
  event.run(lastInsertRowid, 'paid', 'succeeded', at);
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
