/**
 * A clerk's day at the demo shop (French), in Chromium against the browser host, with receipts
 * printed to PDF files and read back with pdftotext: a balance check, a cash renewal whose
 * receipt prints by itself and is reprinted, a failed print, a refusal refunded, a top-up left
 * without an answer that the manager resolves, and the corrected receipt printed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** The text of a PDF the shop's printer wrote. */
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** The PDF files in a folder, by name. */
const pdfFiles = (folder: string) =>
  fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((name) => name.endsWith('.pdf'))
        .sort()
    : [];

/** Calls the host's API as the demo manager, as a technician does before the day starts. */
async function asManager(page: Page, url: string) {
  const login = await page.request.post(`${url}api/auth.login`, {
    data: { name: 'manager', pin: '9999' },
  });
  const { token } = await login.json();
  return async (name: string, input: unknown) => {
    const response = await page.request.post(`${url}api/${name}`, {
      data: input,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.ok()).toBe(true);
    return response.json();
  };
}

async function addPdfPrinter(page: Page, name: string, folder: string) {
  await page.getByRole('button', { name: 'Ajouter une imprimante' }).click();
  await page
    .getByRole('group', { name: 'Nouvelle imprimante' })
    .getByLabel('Nom de l’imprimante')
    .fill(name);
  const printer = page.getByRole('group', { name });
  await printer.getByLabel('Raccordement').selectOption('pdf');
  await printer.getByLabel('Dossier des PDF').fill(folder);
  return printer;
}

async function sell(
  page: Page,
  number: string,
  plan: string,
  payment: (page: Page) => Promise<void>,
) {
  await page.getByLabel('Numéro du client').fill(number);
  await page.getByRole('radio', { name: new RegExp(`^${plan} `) }).check();
  await payment(page);
  await page.getByRole('button', { name: 'Vérifier la vente' }).click();
  await page.getByRole('button', { name: 'Vendre' }).click();
}

/** What the Print button of a receipt says once a print came back. */
const printStatus = (panel: Locator) => panel.locator('.receipt-print').getByRole('status');

/** The PDF file a sale's receipt printed by itself on, as the counter says once it is done. */
async function printedByItself(page: Page): Promise<string> {
  const status = page.locator('.counter__reprint').getByRole('status');
  await expect(status).toContainText('PDF enregistré sous', { timeout: 30_000 });
  const file = (await status.textContent())?.match(/PDF enregistré sous (\S+\.pdf)/)?.[1];
  expect(file).toBeDefined();
  return file as string;
}

/** Prints with the panel's button and answers the PDF file its status names. */
async function printFrom(panel: Locator, button: string): Promise<string> {
  await panel.getByRole('button', { name: button }).click();
  const status = printStatus(panel);
  // Each PDF is drawn by a Chromium of its own: slow on a busy machine.
  await expect(status).toContainText('PDF enregistré sous', { timeout: 30_000 });
  const file = (await status.textContent())?.match(/PDF enregistré sous (\S+\.pdf)/)?.[1];
  expect(file).toBeDefined();
  return file as string;
}

test('a clerk’s day: a balance, a sale printed and reprinted, a refusal, a pending sale resolved', async ({
  page,
  demoShop,
  folder,
  problems,
}) => {
  test.slow(); // Each PDF is made by a headless Chromium of its own.
  const receipts = path.join(folder, 'receipts');
  // The spare printer's folder cannot be made: a file stands where its parent folder should be.
  const blocked = path.join(folder, 'usb-stick');
  fs.writeFileSync(blocked, '');
  const manager = await asManager(page, demoShop.url);
  // The demo carrier's silent top-up then ends pending after 2 s instead of 30.
  const { profile } = await manager('carriers.get', { id: 'nc-demo' });
  await manager('carriers.save', {
    profile: { ...profile, topUp: { ...profile.topUp, timeoutMs: 2000 } },
  });

  await test.step('the manager sets up a PDF printer as the default one, and a spare', async () => {
    await page.goto(demoShop.url);
    await signIn(page, 'manager', '9999');
    await page.getByRole('link', { name: 'Réglages' }).click();
    const main = await addPdfPrinter(page, 'Tickets PDF', receipts);
    await main.getByLabel('Imprimer ici sauf si une autre imprimante est choisie').check();
    await addPdfPrinter(page, 'Clé USB', path.join(blocked, 'tickets'));
    await page.getByRole('button', { name: 'Mettre à jour les imprimantes' }).click();
    await expect(page.getByText('Imprimantes mises à jour.')).toBeVisible();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
  });

  await signIn(page, 'clerk', '1111');

  await test.step('the clerk checks the card’s balance', async () => {
    await page.getByRole('link', { name: 'Cartes' }).click();
    const card = page.locator('section.card');
    await card.getByLabel('Numéro du client').fill('687123456');
    await card.getByRole('button', { name: 'Consulter le solde' }).click();
    await expect(card.getByTestId('remaining')).toHaveText('3 277 Mo');
    await page.getByRole('link', { name: 'Comptoir' }).click();
  });

  const outcome = page.locator('section.outcome');
  let number = 0;
  await test.step('sells 5 Go in cash with change: the original prints by itself', async () => {
    await sell(page, '687123456', '5 Go', (counter) =>
      counter.getByLabel('Montant remis').fill('10000'),
    );
    await expect(page.getByRole('heading', { name: 'Recharge effectuée' })).toBeVisible();
    await expect(outcome.getByText('Monnaie à rendre : 4 000 XPF')).toBeVisible();

    const file = await printedByItself(page);
    const [original] = pdfFiles(receipts);
    expect(pdfFiles(receipts)).toHaveLength(1);
    expect(file).toBe(path.join(receipts, original as string));
    number = Number((original as string).match(/-(\d+)\.pdf$/)?.[1]);
    const text = pdfText(file);
    expect(text).toMatch(new RegExp(`Reçu +N° ${number}`));
    expect(text).toMatch(/Forfait +5 Go/);
    // As art. 46 asks: quantity and unit price, the totals before and with the tax.
    expect(text).toMatch(/Qté × PU +1 × 6\s000\sXPF/);
    expect(text).toMatch(/Total TTC +6\s000\sXPF/);
    expect(text).toMatch(/Monnaie rendue +4\s000\sXPF/);
    expect(text).toContain('RECHARGE EFFECTUÉE');
    expect(text).not.toContain('DUPLICATA');
  });

  await test.step('a copy on the spare fails, then COPY 1 prints once on a double click', async () => {
    const printer = outcome.getByLabel('Imprimante');
    await expect(printer.locator('option:checked')).toHaveText('Tickets PDF (par défaut)');
    await printer.selectOption({ label: 'Clé USB' });
    await outcome.getByRole('button', { name: 'Imprimer le DUPLICATA 1' }).click();
    const failure = outcome.getByRole('alert');
    // The PDF is drawn before its folder is found missing.
    await expect(failure).toContainText(
      'Le ticket n’a pas été imprimé : Clé USB: Cannot write the PDF',
      { timeout: 30_000 },
    );
    await expect(failure).toContainText('Rien n’a été consigné');
    expect(pdfFiles(receipts)).toHaveLength(1);

    // Still COPY 1: the failed print counted for nothing. A double click prints once.
    await printer.selectOption({ label: 'Tickets PDF (par défaut)' });
    await outcome.getByRole('button', { name: 'Imprimer le DUPLICATA 1' }).dblclick();
    await expect(printStatus(outcome)).toContainText('DUPLICATA 1 imprimé sur Tickets PDF.', {
      timeout: 30_000,
    });
    expect(pdfFiles(receipts)).toHaveLength(2);
    const copy = pdfFiles(receipts).find((name) => name.endsWith(`-${number}-copy-1.pdf`));
    expect(pdfText(path.join(receipts, copy as string))).toContain('DUPLICATA 1');
    await expect(outcome.getByRole('button', { name: 'Imprimer le DUPLICATA 2' })).toBeVisible();
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  });

  await test.step('a refused top-up ends failed and refunded, and its receipt prints by itself', async () => {
    await sell(page, '687111222', '1 Go', (counter) =>
      counter.getByRole('radio', { name: 'Autre' }).check(),
    );
    await expect(
      page.getByRole('heading', { name: 'Recharge échouée — remboursée' }),
    ).toBeVisible();
    const text = pdfText(await printedByItself(page));
    expect(text).toContain('RECHARGE ÉCHOUÉE - REMBOURSÉE');
    expect(text).toMatch(/Remboursé +1\s500\sXPF/);
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  });

  await test.step('a top-up without an answer ends pending, and its receipt prints by itself', async () => {
    await sell(page, '687999999', '1 Go', (counter) =>
      counter.getByLabel('Montant remis').fill('1500'),
    );
    await expect(page.getByRole('heading', { name: 'En attente de vérification' })).toBeVisible();
    const text = pdfText(await printedByItself(page));
    expect(text).toContain('EN ATTENTE DE VÉRIFICATION');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
  });

  await test.step('the manager resolves it on the Sales page and prints the corrected receipt', async () => {
    await signIn(page, 'manager', '9999');
    await page.getByRole('link', { name: 'Ventes' }).click();
    const pending = page.locator('.sales__row--pending');
    await pending.getByRole('button', { name: 'Régler…' }).click();
    await page.getByRole('radio', { name: /La recharge a été faite/ }).check();
    await page.getByLabel('Motif (ce que vous avez vérifié)').fill('Confirmé par le client');
    await page.getByRole('button', { name: 'Régler', exact: true }).click();
    await page.getByRole('button', { name: 'Oui, régler' }).click();

    const corrected = page.getByRole('region', { name: /Vente réglée \(Effectuée\)/ });
    await expect(corrected).toContainText('ticket corrigé');
    await expect(corrected).toContainText('+687 99 99 99');
    const file = await printFrom(corrected, 'Imprimer le ticket');
    await expect(printStatus(corrected)).toContainText('Ticket imprimé sur Tickets PDF.');
    const text = pdfText(file);
    expect(text).toContain('RECHARGE EFFECTUÉE');
    expect(text).not.toContain('EN ATTENTE');
    await expect(page.locator('.sales__row--pending')).toHaveCount(0);
    await corrected.getByRole('button', { name: 'Fermer' }).click();
    await expect(corrected).toHaveCount(0);
  });

  await test.step('and reprints the first sale’s receipt from the Sales page: COPY 2', async () => {
    const first = page.locator('.sales__row').filter({ hasText: '+687 123456' });
    await first.getByRole('button', { name: `Ticket ${number}` }).click();
    const detail = page.locator('.sales__detail');
    const file = await printFrom(detail, 'Imprimer le DUPLICATA 2');
    expect(path.basename(file)).toMatch(new RegExp(`-${number}-copy-2\\.pdf$`));
    expect(pdfText(file)).toContain('DUPLICATA 2');
  });

  // Six prints reached the printer; the failed one left nothing behind.
  expect(pdfFiles(receipts)).toHaveLength(6);
  expect(problems.filter((problem) => !problem.includes('status of 502'))).toEqual([]);
});
