/**
 * A day at the counter of the demo shop (French by default), in Chromium against the browser
 * host: renewals paid in cash and by card, a refusal, a top-up left without an answer and
 * resolved by the manager, the keyboard-only path, and the idle lock.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './session';

/**
 * The text of the receipt on screen, read from this page: the receipt's frame runs no script,
 * not even Playwright's (Chromium would log each attempt).
 */
function receiptText(page: Page): Promise<string> {
  type Frame = { contentDocument: { body: { innerText: string } } | null };
  return page
    .locator('iframe.receipt-view')
    .evaluate((frame) => (frame as unknown as Frame).contentDocument?.body.innerText ?? '');
}

async function chooseCounter(page: Page, number: string, plan: string) {
  await page.getByLabel('Numéro du client').fill(number);
  await page.getByRole('radio', { name: new RegExp(`^${plan} `) }).check();
}

test('a clerk renews a card with cash, sees the change, and a double click sells once', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await expect(page.getByRole('heading', { name: 'Comptoir' })).toBeVisible();

  // Formatted and checked as typed.
  await page.getByLabel('Numéro du client').pressSequentially('687654321');
  await expect(page.getByLabel('Numéro du client')).toHaveValue('687 654321');
  await expect(page.getByText('✓ +687 654321')).toBeVisible();

  await page.getByRole('radio', { name: /^5 Go / }).check();
  const tiles = page.locator('.plan-tile');
  await expect(tiles).toHaveText([
    /1 Go.*30 jours.*1\s500\sXPF/,
    /5 Go.*30 jours.*6\s000\sXPF/,
    /20 Go.*30 jours.*18\s000\sXPF/,
  ]);

  // Cash below the price is refused, live and on review.
  await page.getByLabel('Montant remis').fill('5000');
  await expect(page.getByText('Inférieur au prix.')).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  await expect(page.getByLabel('Montant remis')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Montant remis')).toBeFocused();
  await page.getByLabel('Montant remis').fill('10 000');
  await expect(page.getByText('Monnaie à rendre : 4 000 XPF')).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();

  const summary = page.getByRole('region', { name: 'Confirmer la vente' });
  await expect(summary).toContainText('+687 654321');
  await expect(summary).toContainText('5 Go — 5 Go, 30 jours');
  await expect(summary).toContainText(/Prix\s*6\s000\sXPF/);
  await expect(summary).toContainText(/Monnaie rendue\s*4\s000\sXPF/);
  await summary.getByRole('button', { name: 'Vendre' }).dblclick();

  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  await expect(page.getByText(/Référence opérateur : TX\d+/)).toBeVisible();
  await expect(page.getByText('Monnaie à rendre : 4 000 XPF')).toBeVisible();
  await expect.poll(() => receiptText(page)).toContain('RECHARGE EFFECTUÉE');
  expect(await receiptText(page)).toMatch(/Monnaie rendue\s+4\s000\sXPF/);

  await page.getByRole('link', { name: 'Ventes' }).click();
  await expect(page.locator('.sales__row')).toHaveCount(1);
  await expect(page.locator('.sales__row')).toContainText(/\+687 654321.*5 Go.*Effectuée/);
  // The counter kept its outcome while the clerk looked at the sales, ready for the next one.
  await page.getByRole('link', { name: 'Comptoir' }).click();
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  await expect(page.getByLabel('Numéro du client')).toHaveValue('');
  expect(problems).toEqual([]);
});

test('a renewal done with the keyboard alone, going back once from the confirmation', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await page.keyboard.type('clerk');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');

  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  await page.keyboard.type('687777888');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /^1 Go / })).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^5 Go / })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Carte' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('A-17');
  await page.keyboard.press('Enter');

  const summary = page.getByRole('region', { name: 'Confirmer la vente' });
  await expect(summary).toContainText(/Réf\. paiement\s*A-17/);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  await expect(page.getByLabel('Numéro du client')).toHaveValue('687 77 78 88');
  await page.keyboard.press('Enter');
  await expect(summary).toBeVisible();
  await page.keyboard.press('Enter');

  // Done: the counter is ready for the next customer, the sale shown under the empty form.
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  await expect(page.getByLabel('Numéro du client')).toHaveValue('');
  await expect(page.getByRole('radio', { name: /^5 Go / })).not.toBeChecked();
  expect(problems).toEqual([]);
});

test('a top-up the carrier refuses ends failed and refunded, with its receipt', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await chooseCounter(page, '687111222', '1 Go');
  await page.getByRole('radio', { name: 'Autre' }).check();
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  await page.getByRole('button', { name: 'Vendre' }).click();

  await expect(page.getByRole('heading', { name: 'Recharge échouée — remboursée' })).toBeVisible();
  await expect(
    page.getByText('La carte n’a pas été rechargée. Rendez 1 500 XPF au client.'),
  ).toBeVisible();
  await expect.poll(() => receiptText(page)).toContain('RECHARGE ÉCHOUÉE - REMBOURSÉE');
  expect(await receiptText(page)).toMatch(/Remboursé\s+1\s500\sXPF/);
  // The demo shop has no printer yet: the clerk is told who sets one up, instead of a button.
  await expect(
    page.getByText('Aucune imprimante n’est configurée : un responsable en ajoute une', {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer le ticket' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a retry after the connection dropped sends the same sale, which is sold once', async ({
  page,
  demoShop,
  problems,
}) => {
  // No progress events reach this screen, and the first answer is lost on its way back.
  await page.routeWebSocket(/\/events$/, () => {});
  let answers = 0;
  await page.route('**/api/sales.renew', async (route) => {
    answers += 1;
    if (answers === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await chooseCounter(page, '687123456', '20 Go');
  await page.getByRole('radio', { name: 'Carte' }).check();
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  await page.getByRole('button', { name: 'Vendre' }).click();

  await expect(page.getByText('La vente a peut-être commencé.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  expect(answers).toBe(2);

  await page.getByRole('link', { name: 'Ventes' }).click();
  await expect(page.locator('.sales__row')).toHaveCount(1);
  // The browser logs the dropped connection; nothing else may go wrong.
  expect(problems.filter((problem) => !problem.includes('ERR_CONNECTION_RESET'))).toEqual([]);
});

test('switching the language during and after a sale sends it once', async ({
  page,
  demoShop,
  problems,
}) => {
  // The host gets the sale only once the language has changed: the screen waits meanwhile.
  let renews = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/sales.renew', async (route) => {
    renews += 1;
    await held;
    await route.continue();
  });
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await chooseCounter(page, '687123456', '1 Go');
  await page.getByRole('radio', { name: 'Carte' }).check();
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  await page.getByRole('button', { name: 'Vendre' }).click();

  await expect(page.getByText('Enregistrement de la vente…')).toBeVisible();
  // The app's picker by its id: the receipt's SMS has a language of its own once it is shown.
  await page.locator('#language-picker').selectOption('en');
  await expect(page.getByText('Recording the sale…')).toBeVisible();
  release();
  await expect(page.getByRole('heading', { name: 'Top-up done' })).toBeVisible();
  await page.locator('#language-picker').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();

  await page.getByRole('link', { name: 'Ventes' }).click();
  await expect(page.locator('.sales__row')).toHaveCount(1);
  expect(renews).toBe(1);
  expect(problems).toEqual([]);
});

test('a top-up left without an answer is pending; a clerk needs a manager’s PIN to resolve it, a manager does', async ({
  page,
  demoShop,
  problems,
}) => {
  test.slow(); // The demo carrier's silent top-up waits for its 30 s timeout.
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await chooseCounter(page, '687999999', '1 Go');
  await page.getByLabel('Montant remis').fill('1500');
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  await page.getByRole('button', { name: 'Vendre' }).click();

  await expect(page.getByRole('status').filter({ hasText: /modem nc-demo-sim-\d/ })).toBeVisible();
  // The wait shows it is alive: a running timer and what the wait means at this step.
  await expect(page.getByText(/En attente depuis [1-9]\d* s/)).toBeVisible();
  await expect(page.getByText('L’opérateur traite la recharge.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'En attente de vérification' })).toBeVisible({
    timeout: 45_000,
  });
  await expect(page.getByText('Ne revendez pas cette recharge.')).toBeVisible();
  await expect(page.getByText('Prévenez le responsable', { exact: false })).toBeVisible();
  await expect(page.getByText('Le client garde le ticket', { exact: false })).toBeVisible();
  await expect.poll(() => receiptText(page)).toContain('EN ATTENTE DE VÉRIFICATION');

  await page.getByRole('link', { name: 'Ventes' }).click();
  const pending = page.locator('.sales__row--pending');
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText('En attente de vérification');
  await expect(page.getByText('1 vente est en attente de vérification.')).toBeVisible();
  // By the shop's default, a clerk settles it only with a manager's name and PIN.
  await pending.getByRole('button', { name: 'Régler…' }).click();
  await expect(page.getByRole('group', { name: 'Accord du responsable' })).toBeVisible();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(page, 'manager', '9999');
  await page.getByRole('link', { name: 'Ventes' }).click();
  await page.getByLabel('Statut').selectOption('unknown');
  await expect(pending).toHaveCount(1);
  await pending.getByRole('button', { name: 'Régler…' }).click();
  await page.getByRole('radio', { name: /La recharge a été faite/ }).check();
  await page.getByLabel('Motif (ce que vous avez vérifié)').fill('ok');
  await page.getByRole('button', { name: 'Régler', exact: true }).click();
  await expect(page.getByText('Au moins 3 caractères.')).toBeVisible();
  await page.getByLabel('Motif (ce que vous avez vérifié)').fill('Confirmé par SMS opérateur');
  await page.getByRole('button', { name: 'Régler', exact: true }).click();
  await page.getByRole('button', { name: 'Oui, régler' }).click();
  await expect(page.locator('.sales__row')).toHaveCount(0);
  await page.getByLabel('Statut').selectOption('');
  await expect(page.locator('.sales__row')).toContainText('Effectuée');
  await expect(page.getByText('en attente de vérification.', { exact: false })).toHaveCount(0);
  expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
});

test('the modem bank shows each simulated modem and its state', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await page.getByRole('link', { name: 'Modems' }).click();
  await expect(page.getByTestId('modem-nc-demo-sim-1')).toContainText('Prêt');
  await expect(page.getByTestId('modem-nc-demo-sim-2')).toContainText('Prêt');
  expect(problems).toEqual([]);
});

test('the counter locks itself after five idle minutes; any activity starts them again', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.clock.install();
  await page.goto(demoShop.url);
  const login = page.waitForResponse('**/api/auth.login');
  await signIn(page, 'clerk', '1111');
  const { token } = await (await login).json();
  await expect(page.getByLabel('Numéro du client')).toBeFocused();

  await page.clock.fastForward('04:00');
  await page.keyboard.type('68');
  await page.clock.fastForward('04:00');
  await page.mouse.move(200, 200);
  await page.clock.fastForward('04:59');
  await expect(page.getByText('Connecté : clerk')).toBeVisible();

  const logout = page.waitForResponse('**/api/auth.logout');
  await page.clock.fastForward('00:02');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('Connecté : clerk')).toHaveCount(0);
  await expect(
    page.getByText('Le comptoir s’est verrouillé après 5 minutes sans activité. Reconnectez-vous.'),
  ).toBeVisible();
  // The session is closed on the host too: a call with the old token is refused.
  expect((await logout).ok()).toBe(true);
  const stale = await page.request.post(`${demoShop.url}api/catalog.list`, {
    data: {},
    headers: { authorization: `Bearer ${token}` },
  });
  expect(stale.status()).toBe(401);
  await signIn(page, 'clerk', '1111');
  await expect(page.getByLabel('Numéro du client')).toHaveValue('');
  expect(problems).toEqual([]);
});

test('the manager sets the idle time in the settings, and the counter locks after it', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.clock.install();
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await page.getByRole('navigation').getByRole('link', { name: 'Réglages' }).click();
  const minutes = page.getByLabel('Verrouillage (minutes)');
  await expect(minutes).toHaveValue('5');
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(
    page.getByText('Certains champs sont à corriger. Rien n’a été enregistré.'),
  ).toBeVisible();
  await minutes.fill('2');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText('Enregistré.')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Comptoir' }).click();
  await page.clock.fastForward('01:59');
  await expect(page.getByText('Connecté : manager')).toBeVisible();
  await page.clock.fastForward('00:02');
  await expect(
    page.getByText('Le comptoir s’est verrouillé après 2 minutes sans activité. Reconnectez-vous.'),
  ).toBeVisible();
  expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
});
