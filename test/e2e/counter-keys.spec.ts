/**
 * The counter at the speed of a queue, in Chromium against the demo shop (French): a cash sale
 * and a card sale of a known plan in four keys after the number, with the keyboard alone; the
 * receipt printing by itself on the default printer, once, read back from its PDF; F8 printing
 * the last receipt again; the receipt's language picked at the counter.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

/** The most keys a sale may take after the customer's number. */
const keysAfterNumber = 4;

/** Signs in with the keyboard alone, as the clerk does at the start of a shift. */
async function signInByKeys(page: Page, name: string, pin: string) {
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
}

/** The keyboard, counting every key pressed after the number's digits. */
function countedKeys(page: Page) {
  const pressed: string[] = [];
  return {
    pressed,
    digits: (digits: string) => page.keyboard.type(digits),
    press: async (key: string) => {
      pressed.push(key);
      await page.keyboard.press(key);
    },
  };
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

test('a cash sale of a known plan at exact cash takes four keys after the number', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signInByKeys(page, 'clerk', '1111');
  const keys = countedKeys(page);
  const summary = page.getByRole('region', { name: 'Confirmer la vente' });

  await keys.digits('687123456');
  await keys.press('Enter'); // to the plans
  await keys.press('2'); // the second tile: 5 Go
  await keys.press('Enter'); // exact cash, to the confirmation
  await expect(summary).toContainText('5 Go — 5 Go, 30 jours');
  await expect(summary).toContainText(/Montant remis\s*6\s000\sXPF/);
  await expect(summary).toContainText(/Monnaie rendue\s*0\sXPF/);
  await keys.press('Enter'); // sell

  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  expect(keys.pressed.length).toBeLessThanOrEqual(keysAfterNumber);
  // Ready for the next customer at once.
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  await expect(page.getByLabel('Numéro du client')).toHaveValue('');
  expect(problems).toEqual([]);
});

test('a card sale of a known plan takes four keys after the number', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signInByKeys(page, 'clerk', '1111');
  const keys = countedKeys(page);
  const summary = page.getByRole('region', { name: 'Confirmer la vente' });

  await keys.digits('687777888');
  await keys.press('Enter');
  await keys.press('1'); // 1 Go
  await keys.press('c'); // card, to the confirmation
  await expect(summary).toContainText('1 Go — 1 Go, 30 jours');
  await expect(summary).toContainText(/Paiement\s*Carte/);
  await keys.press('Enter');

  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  expect(keys.pressed.length).toBeLessThanOrEqual(keysAfterNumber);
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  expect(problems).toEqual([]);
});

test('the quick-cash key takes the next usual note; a wrong number stops at the number', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signInByKeys(page, 'clerk', '1111');
  const number = page.getByLabel('Numéro du client');

  await page.keyboard.type('6871');
  await page.keyboard.press('Enter');
  await expect(number).toBeFocused();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.type('23456');
  await page.keyboard.press('Enter');
  // Tab or Enter onto the plans focuses a tile without choosing it, nor looking chosen.
  const first = page.getByRole('radio', { name: /^1 Go / });
  await expect(first).toBeFocused();
  await expect(first).not.toBeChecked();
  await expect(page.locator('.plan-tile').first()).toHaveCSS(
    'background-color',
    'rgb(255, 255, 255)',
  );
  // Arrows still choose.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^5 Go / })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Montant remis')).toBeFocused();
  await page.keyboard.press('+');
  const summary = page.getByRole('region', { name: 'Confirmer la vente' });
  await expect(summary).toContainText(/Montant remis\s*10\s000\sXPF/);
  await expect(summary).toContainText(/Monnaie rendue\s*4\s000\sXPF/);
  // Escape goes back with everything kept; typed cash and Enter reach the confirmation too.
  await page.keyboard.press('Escape');
  await expect(number).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(summary).toContainText(/Montant remis\s*10\s000\sXPF/);
  expect(problems).toEqual([]);
});

test('the receipt prints by itself on the default printer, once, and F8 prints it again', async ({
  page,
  demoShop,
  folder,
  problems,
}) => {
  test.slow(); // Each PDF is drawn by a Chromium of its own.
  const printing = { timeout: 30_000 };
  // The manager has a PDF printer as the shop's default; receipts print by themselves.
  const pdfFolder = path.join(folder, 'printed');
  const login = await page.request.post(`${demoShop.url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  const saved = await page.request.post(`${demoShop.url}api/printers.save`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      printers: [{ id: 'pdf', name: 'Tickets PDF', paper: '80mm', kind: 'pdf', folder: pdfFolder }],
      defaultPrinterId: 'pdf',
      autoPrint: true,
    },
  });
  expect(saved.ok()).toBe(true);
  const printed = () => (fs.existsSync(pdfFolder) ? fs.readdirSync(pdfFolder).sort() : []);

  await page.goto(demoShop.url);
  await signInByKeys(page, 'clerk', '1111');
  await page.keyboard.type('687123456');
  for (const key of ['Enter', '2', 'Enter']) await page.keyboard.press(key);
  await expect(page.getByRole('region', { name: 'Confirmer la vente' })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  await expect(page.getByText('Ticket imprimé sur Tickets PDF.')).toBeVisible(printing);
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  expect(printed()).toHaveLength(1);
  const [original = ''] = printed();
  expect(original).toMatch(/^receipt-.+-\d+\.pdf$/);
  const text = pdfText(path.join(pdfFolder, original));
  expect(text).toContain('RECHARGE EFFECTUÉE');
  expect(text).toMatch(/Forfait\s+5 Go/);
  expect(text).not.toContain('DUPLICATA');

  // Nothing prints it again by itself: not another screen, not another language.
  await page.getByRole('link', { name: 'Ventes' }).click();
  await page.getByRole('link', { name: 'Comptoir' }).click();
  await page.getByLabel('Langue', { exact: true }).selectOption('en');
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.getByRole('button', { name: 'Imprimer le DUPLICATA 1' })).toBeVisible();
  expect(printed()).toHaveLength(1);

  // F8 prints the last receipt again, as a copy, and the counter stays ready.
  await page.getByLabel('Numéro du client').focus();
  await page.keyboard.press('F8');
  await expect(page.getByText('DUPLICATA 1 imprimé sur Tickets PDF.')).toBeVisible(printing);
  await expect(page.getByLabel('Numéro du client')).toBeFocused();
  await expect.poll(() => printed().length).toBe(2);
  const copy = printed().find((file) => file.includes('-copy-1')) ?? '';
  expect(pdfText(path.join(pdfFolder, copy))).toContain('DUPLICATA 1');
  // The visible key does the same.
  await page.getByRole('button', { name: 'Réimprimer le dernier ticket F8' }).click();
  await expect(page.getByText('DUPLICATA 2 imprimé sur Tickets PDF.')).toBeVisible(printing);
  expect(problems).toEqual([]);
});

test('the receipt’s language picked at the counter goes with the sale', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signInByKeys(page, 'clerk', '1111');
  const picker = page.getByLabel('Ticket en');
  await expect(picker).toHaveValue('fr');
  await picker.selectOption('zh-CN');
  await page.getByLabel('Numéro du client').fill('687123456');
  await page.getByRole('radio', { name: /^1 Go / }).check();
  await page.getByRole('button', { name: /^Carte/ }).click();
  const summary = page.getByRole('region', { name: 'Confirmer la vente' });
  await expect(summary).toContainText(/Ticket en\s*简体中文/);
  const renew = page.waitForRequest('**/api/sales.renew');
  await summary.getByRole('button', { name: 'Vendre' }).click();
  expect((await renew).postDataJSON()).toMatchObject({
    planId: '1go',
    payment: { method: 'card' },
    receiptLanguage: 'zh-CN',
  });
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  // The next customer gets the shop's language again.
  await expect(picker).toHaveValue('fr');
  expect(problems).toEqual([]);
});

test('the counter’s keys, quick payments and the sale done under the form are axe-clean', async ({
  page,
  demoShop,
  problems,
}) => {
  await page.goto(demoShop.url);
  await signInByKeys(page, 'clerk', '1111');
  await page.keyboard.type('687123456');
  await page.keyboard.press('Enter');
  await page.keyboard.press('2');
  await expect(page.getByLabel('Montant remis')).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Confirmer la vente' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Réimprimer le dernier ticket F8' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
