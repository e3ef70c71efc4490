/**
 * The Audit page in Chromium against the browser host: a manager reads the acts of the day
 * (a wrong PIN, a price changed), filters them, exports them as CSV and checks the chain; the
 * page is axe-clean (English).
 */
import fs from 'node:fs';
import path from 'node:path';
import { axeViolations } from './axe';
import { typeDay } from './date-input';
import { expect, test } from './fixtures';
import { asManager, open, startIn } from './screens';
import { signIn } from './session';

test('a manager reads, filters, exports and checks the audit trail', async ({
  page,
  request,
  folder,
  serveShop,
}) => {
  const host = await serveShop(path.join(folder, 'demo.sqlite'), ['--demo']);
  const wrong = await request.post(`${host.url}api/auth.login`, {
    data: { name: 'clerk', pin: '4321' },
  });
  expect(wrong.status()).toBe(401);
  const call = await asManager(page, host.url);
  const { profile } = await call('carriers.get', { id: 'nc-demo' });
  const plans = profile.plans.map((plan: { id: string; price: number }) =>
    plan.id === '5go' ? { ...plan, price: 6500 } : plan,
  );
  await call('carriers.save', { profile: { ...profile, plans } });

  await page.goto(host.url);
  await page.locator('#language-picker').selectOption('en');
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  const rows = page.getByTestId('audit-entry');
  await expect(rows.first()).toContainText('Signed in');
  const prices = rows.filter({ hasText: 'Prices changed' });
  await expect(prices).toContainText('plans.5go.price: 6000 → 6500');
  await expect(prices).toContainText('manager');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Kind of act').selectOption({ label: 'Wrong PIN' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('clerk');
  await expect(rows.first()).toContainText('at sign-in');

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Noumea' }).format(new Date());
  await page.getByLabel('Kind of act').selectOption({ label: 'All kinds' });
  await typeDay(page, 'Day (empty: every day)', today);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(rows.filter({ hasText: 'Prices changed' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Export CSV' }).click();
  const started = page.waitForEvent('download');
  await page.getByRole('link', { name: /audit-.*\.csv/ }).click();
  const saved = await started;
  const file = path.join(folder, saved.suggestedFilename());
  await saved.saveAs(file);
  const csv = fs.readFileSync(file, 'utf8');
  expect(csv.startsWith('\uFEFFseq,at_utc,at_local,till,')).toBe(true);
  expect(csv).toContain(',prices.changed,manager:1,manager,');
  expect(csv).not.toContain('4321');

  await page.getByRole('button', { name: 'Check the chain' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('the chain is intact');
  expect(await axeViolations(page)).toEqual([]);
});

for (const language of ['fr', 'zh-CN'] as const) {
  test(`the Audit page is axe-clean in ${language}`, async ({ page, demoShop }) => {
    await startIn(page, language);
    await page.goto(demoShop.url);
    await signIn(page, 'manager', '9999');
    await open(page, 'audit');
    await expect(page.getByTestId('audit-entry').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
