/**
 * Advice from a card's history, in Chromium against the demo shop (French by default): a card
 * checked once planned with the shop's usage, said as such; repeated small top-ups answered at
 * the confirmation with the larger plan that would have cost less, which never stops the sale.
 */
import type { Page } from '@playwright/test';
import { signedIn } from '../support/api';
import { axeViolations } from './axe';
import { noumeaDay, typeDay } from './date-input';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** The card page: the counter stays mounted, hidden, with a number field of the same name. */
const cardPage = (page: Page) => page.locator('section.card');

test('a card checked once gets a plan for the stay from the shop’s usage, said as such', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await page.getByRole('link', { name: 'Cartes' }).click();
  await cardPage(page).getByLabel('Numéro du client').fill('12 34 56');
  await page.getByRole('button', { name: 'Consulter le solde' }).click();
  await expect(page.getByTestId('remaining')).toHaveText('3 277 Mo');
  // No other card of the shop was checked twice yet: the shop's default stands in.
  await expect(
    page.getByText(/Tant que 5 cartes n’ont pas été consultées au moins deux fois en 90 jours/),
  ).toBeVisible();

  await typeDay(page, 'Date de départ', noumeaDay(20));
  const advice = page.getByTestId('stay-advice');
  await expect(page.getByTestId('usage-basis')).toHaveText(
    /ni assez de cartes de la boutique : calculé avec la valeur par défaut de la boutique, 300 Mo par jour/,
  );
  await expect(advice).toContainText('Conseillé : 5 Go');
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('after four 1 Go, the confirmation says one 5 Go would have cost less, and Enter still sells', async ({
  page,
  demoShop,
  problems,
}) => {
  const api = await signedIn(demoShop.url, 'clerk', '1111');
  for (const slip of [1, 2, 3, 4]) {
    const { sale } = await api.call('sales.renew', {
      msisdn: '687123456',
      planId: '1go',
      payment: { method: 'card', reference: `slip-${slip}` },
      idempotencyKey: `small-top-up-${slip}`,
    });
    expect(sale.status).toBe('succeeded');
  }

  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await page.getByLabel('Numéro du client').fill('687123456');
  await page.getByRole('radio', { name: /^1 Go / }).check();
  await page.getByRole('radio', { name: 'Carte' }).check();
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  const upgrade = page.getByRole('region', { name: 'Moins cher en un seul forfait' });
  await expect(upgrade).toContainText(
    /Avec cette vente, 5 recharges en 30 jours : 7\s500\sXPF pour 5 Go\./,
  );
  await expect(upgrade).toContainText(
    /Un seul 5 Go \(5 Go, 30 jours\) coûte 6\s000\sXPF : 1\s500\sXPF de moins\./,
  );
  expect(await axeViolations(page)).toEqual([]);

  // Advice only: the clerk's Enter sells the plan chosen.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();

  // The card page says the same from the card's history.
  await page.getByRole('link', { name: 'Cartes' }).click();
  await cardPage(page).getByLabel('Numéro du client').fill('687123456');
  await page.getByRole('button', { name: 'Historique seulement' }).click();
  await expect(page.getByRole('region', { name: 'Moins cher en un seul forfait' })).toContainText(
    /5 recharges ces 30 derniers jours : 7\s500\sXPF pour 5 Go\./,
  );
  expect(problems).toEqual([]);
});
