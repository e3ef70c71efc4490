/**
 * The books checked in Chromium against the browser host: a receipt altered behind the app is
 * found at the next start and shown to the manager on the Day screen, and the manager's own
 * check names it; a clerk is offered no check (English).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { signIn } from './session';

test('a manager is told at start that the books do not verify, and checks them', async ({
  page,
  request,
  folder,
  serveShop,
}) => {
  const database = path.join(folder, 'demo.sqlite');
  const first = await serveShop(database, ['--demo']);
  const login = await request.post(`${first.url}api/auth.login`, {
    data: { name: 'clerk', pin: '1111' },
  });
  const { token } = await login.json();
  const sold = await request.post(`${first.url}api/sales.renew`, {
    data: {
      msisdn: '687123456',
      planId: '1go',
      payment: { method: 'card', reference: 'TPE-1' },
      idempotencyKey: 'e2e-books-sale-1',
    },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(sold.ok(), await sold.text()).toBe(true);
  await first.stop();

  // Someone changes the price on receipt 1, bypassing the app.
  const db = new Database(database);
  db.exec('DROP TRIGGER receipts_are_append_only_update');
  db.prepare(
    `UPDATE receipts SET content = replace(content, '"price":{"amount":1500', '"price":{"amount":1000') WHERE number = 1`,
  ).run();
  db.close();

  const host = await serveShop(database, ['--demo']);
  await page.goto(host.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'clerk', '1111');
  await page.getByRole('link', { name: 'Day' }).click();
  await expect(page.getByRole('button', { name: 'Closed days' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Books check' })).toHaveCount(0);
  await expect(page.getByTestId('books-warning')).toHaveCount(0);

  await page.getByRole('button', { name: /Sign out/ }).click();
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Day' }).click();
  await expect(page.getByTestId('books-warning')).toContainText(/did not verify/);
  await page.getByRole('button', { name: 'Books check' }).click();
  await page.getByRole('button', { name: 'Check the books' }).click();
  const result = page.getByTestId('books-check-result');
  await expect(result).toContainText('Every day:');
  await expect(result).toContainText(
    'Receipts: the chain is BROKEN at receipt 1 (it was changed after it was issued).',
  );
  await expect(result).toContainText('Z reports: 0 checked, the chain is intact.');
});
