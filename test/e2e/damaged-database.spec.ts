import path from 'node:path';
import { damageAfterBackup } from './damaged-shop';
import { expect, test } from './fixtures';
import { signIn } from './session';

test('a damaged database shows on every screen, and a manager restores a backup from there', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  const databaseFile = path.join(folder, 'shop.sqlite');
  const first = await serveShop(databaseFile);
  await damageAfterBackup(page.request, first, databaseFile);

  const host = await serveShop(databaseFile);
  await page.goto(host.url);
  const banner = page.getByTestId('database-damaged-banner');
  await expect(banner).toContainText('The shop database is damaged.');
  await expect(banner).toContainText('Ask a manager to sign in and restore a backup');

  await signIn(page, 'owner', '2468');
  await expect(banner).toBeVisible();
  // Every screen says so, the counter first.
  await page.getByRole('link', { name: 'Sales' }).click();
  await expect(banner).toBeVisible();
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(banner).toContainText('La base de données de la boutique est endommagée.');
  await page.getByLabel('Langue', { exact: true }).selectOption('en');

  await banner.getByRole('link', { name: 'Restore a backup' }).click();
  await expect(page.getByRole('heading', { name: 'Backups' })).toBeVisible();
  await page
    .getByRole('button', { name: /^Restore the backup of / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Yes, restore it' }).click();
  await expect(page.getByText(/^The backup of .* is restored\.$/)).toBeVisible();
  await expect(page.getByText(/^The replaced file is kept as .*before-restore-/)).toBeVisible();
  await expect(banner).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.locator('#sign-in-name')).toBeVisible();
  await expect(banner).toHaveCount(0);
  await signIn(page, 'owner', '2468');
  await expect(page.getByRole('link', { name: 'Counter' })).toBeVisible();
  await expect(banner).toHaveCount(0);
  // The sales list of the damaged file answered 503 database_damaged, as Chromium logs it.
  expect(problems.filter((problem) => !/status of 503/.test(problem))).toEqual([]);
});
