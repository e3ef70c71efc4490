import path from 'node:path';
import type { Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { noumeaDay, typeDay } from './date-input';
import { expect, test } from './fixtures';

/** The card page: the counter stays mounted, hidden, with a number field of the same name. */
const cardPage = (page: Page) => page.locator('section.card');

test('a clerk checks a card’s balance, sees its usage and the plan for the customer’s stay', async ({
  page,
  demoShop,
  folder,
  problems,
}) => {
  const databaseFile = path.join(folder, 'demo.sqlite');
  await page.goto(demoShop.url);
  await page.locator('#sign-in-name').fill('clerk');
  await page.locator('#sign-in-pin').fill('1111');
  await page.locator('#sign-in-pin').press('Enter');
  await page.getByRole('link', { name: 'Cartes' }).click();
  await expect(page.getByRole('heading', { name: 'Carte du client' })).toBeVisible();

  await cardPage(page).getByLabel('Numéro du client').fill('12 34 56');
  await page.getByRole('button', { name: 'Consulter le solde' }).click();
  await expect(page.getByTestId('remaining')).toHaveText('3 277 Mo');
  await expect(page.getByLabel('La réponse de l’opérateur')).toContainText('il vous reste 3,2 Go');
  const checks = page.getByRole('region', { name: 'Consultations du solde' });
  await expect(checks.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('Consultez de nouveau le solde un autre jour')).toBeVisible();

  // The same card was checked two days before with 2 000 MB more: 1 000 MB a day.
  const db = new BetterSqlite3(databaseFile);
  const now = db.prepare('SELECT replied_at, valid_until FROM balance_checks').get() as {
    replied_at: string;
    valid_until: string;
  };
  const twoDaysBefore = new Date(Date.parse(now.replied_at) - 2 * 86_400_000).toISOString();
  db.prepare(
    `INSERT INTO balance_checks (msisdn, carrier_id, modem_id, clerk_id, asked_at, outcome,
      remaining_mb, valid_until, reply_text, replied_at)
     VALUES ('+687123456', 'nc-demo', 'nc-demo-sim-1', 2, ?, 'ok', 5277, ?, 'il vous reste 5,2 Go', ?)`,
  ).run(twoDaysBefore, now.valid_until, twoDaysBefore);
  db.close();

  await page.getByRole('button', { name: 'Historique seulement' }).click();
  await expect(checks.getByRole('row')).toHaveCount(3);
  await expect(page.getByText(/Environ 1\s000 Mo par jour, observé sur 2 jours/)).toBeVisible();

  // Five days more at that rate need about 5 500 MB: with 3,2 Go left (while still valid), 5 Go.
  await typeDay(page, 'Date de départ', noumeaDay(5));
  const stillValid = Date.now() < Date.parse(now.valid_until);
  const advice = page.getByTestId('stay-advice');
  await expect(advice).toContainText('5 jours restants.');
  await expect(advice).toContainText(`Conseillé : ${stillValid ? '5 Go' : '20 Go'}`);
  await expect(advice).toContainText(
    new RegExp(`pour ${stillValid ? '6\\s000' : '18\\s000'}\\sXPF`),
  );

  await page.getByLabel('Langue', { exact: true }).selectOption('zh-CN');
  await expect(advice).toContainText('推荐');
  expect(problems).toEqual([]);
});

test('a number that is not a card is refused on the field, and nothing is asked', async ({
  page,
  demoShop,
  folder,
}) => {
  const databaseFile = path.join(folder, 'demo.sqlite');
  await page.goto(demoShop.url);
  await page.locator('#sign-in-name').fill('clerk');
  await page.locator('#sign-in-pin').fill('1111');
  await page.locator('#sign-in-pin').press('Enter');
  await page.getByRole('link', { name: 'Cartes' }).click();
  await cardPage(page).getByLabel('Numéro du client').fill('+33 6 12 34 56 78');
  await page.getByRole('button', { name: 'Consulter le solde' }).click();
  const number = cardPage(page).getByLabel('Numéro du client');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('C’est un numéro d’un autre pays.')).toBeVisible();
  const db = new BetterSqlite3(databaseFile, { readonly: true });
  expect(db.prepare('SELECT count(*) FROM balance_checks').pluck().get()).toBe(0);
  db.close();
});
