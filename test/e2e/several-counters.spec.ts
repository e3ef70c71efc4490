/**
 * A shop with three tills on one hub, over TLS, as the "done" asks: the hub's own counter,
 * a tablet's browser paired with a code, and a second Comptoir in counter mode. Each opens its
 * drawer, sells a top-up whose receipt prints by itself on the hub's PDF printer, and closes its
 * day: three Z reports, each numbered 1 in its own till's chain, and the shop's day adds them up.
 * Every request from the network without a paired counter's credential is refused.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { finished, firstLine, spawnCli } from '../support/cli';
import { closedPort } from '../support/printers';
import { expect, test } from './fixtures';
import { asManager, open, startIn } from './screens';
import { signIn } from './session';

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

async function openTheDay(page: Page, atCounter: boolean) {
  await open(page, 'day');
  await page.getByLabel('Float in the drawer (XPF)').fill('5000');
  await page.getByRole('button', { name: 'Open the day', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'X report' })).toBeVisible();
  // The dealer SIMs' balances are the hub's drawer's to read, not a counter's.
  await expect(page.getByRole('region', { name: 'Dealer SIM balances at opening' })).toHaveCount(
    atCounter ? 0 : 1,
  );
}

/** Sells 1 Go paid by card, and waits for its receipt to print by itself. */
async function sellByCard(page: Page, number: string) {
  await open(page, 'counter');
  await page.getByLabel('Customer number').fill(number);
  await page.getByRole('radio', { name: /^1 Go / }).check();
  await page.getByRole('radio', { name: 'Card' }).check();
  await page.getByRole('button', { name: 'Review the sale' }).click();
  await page.getByRole('button', { name: 'Sell' }).click();
  await expect(page.getByRole('heading', { name: 'Top-up done' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('.counter__reprint').getByRole('status')).toContainText(
    'PDF saved as',
    { timeout: 30_000 },
  );
}

/**
 * Counts the float back (one 5 000 note: the sale was by card) and closes the day; a clerk does
 * it with the manager's name and PIN, as the shop's permissions have it by default.
 */
async function closeTheDay(page: Page, clerk: boolean) {
  await open(page, 'day');
  const close = page.getByRole('form', { name: 'Close the day' });
  await page.locator('#count-5000').fill('1');
  if (clerk) {
    const approval = close.getByRole('group', { name: 'Manager approval' });
    await approval.getByLabel('Manager’s name').fill('manager');
    await approval.getByLabel('Manager’s PIN').fill('9999');
  }
  await close.getByRole('button', { name: 'Check the close…' }).click();
  await page
    .getByRole('dialog', { name: 'Close the day?' })
    .getByRole('button', { name: 'Close the day and issue the Z report' })
    .click();
  await expect(page.getByRole('article', { name: 'Z report No. 1' })).toBeVisible();
}

test('a hub and two counters sell, print and close a day with three tills over TLS', async ({
  page,
  browser,
  serveShop,
  folder,
  problems,
}) => {
  test.slow(); // Three counters, three receipts each drawn by a headless Chromium.
  const hub = await serveShop(path.join(folder, 'hub.sqlite'), ['--demo']);
  const manager = await asManager(page, hub.url);
  await manager('printers.save', {
    printers: [{ id: 'pdf', name: 'Receipts', paper: '80mm', kind: 'pdf' }],
    defaultPrinterId: 'pdf',
  });
  const port = await closedPort('127.0.0.2');
  const network = await manager('counters.setNetwork', {
    open: true,
    address: '127.0.0.2',
    port,
  });
  const hubUrl = `https://127.0.0.2:${port}/`;
  expect(network).toMatchObject({ url: hubUrl, problem: null });

  // A stranger on the shop's network reaches the page, but nothing behind it.
  const stranger = await browser.newContext({ ignoreHTTPSErrors: true });
  const unpaired = await stranger.request.post(`${hubUrl}api/auth.login`, {
    data: { name: 'clerk', pin: '1111' },
  });
  expect(unpaired.status()).toBe(401);
  expect((await unpaired.json()).error.code).toBe('device_unpaired');
  for (const procedure of ['sales.list', 'day.list', 'counters.listDevices']) {
    const refused = await stranger.request.post(`${hubUrl}api/${procedure}`, { data: {} });
    expect(refused.status(), procedure).toBe(401);
  }
  // And nothing at all in plain HTTP.
  await expect(stranger.request.get(`http://127.0.0.2:${port}/`)).rejects.toThrow();
  await stranger.close();

  // Counter 2: a tablet's browser, paired in its page with a code from the hub.
  const { code: tabletCode } = await manager('counters.createPairingCode', {
    tillName: 'Counter 2',
  });
  const tabletContext = await browser.newContext({ ignoreHTTPSErrors: true });
  const tablet = await tabletContext.newPage();
  await startIn(tablet, 'en');
  await tablet.goto(hubUrl);
  await tablet.getByLabel('Pairing code').fill(tabletCode);
  await tablet.getByRole('button', { name: 'Pair this counter' }).click();
  await expect(tablet.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(tablet, 'clerk', '1111');

  // Counter 3: Comptoir in counter mode, paired from the command line, pinned to the hub.
  const { code: counterCode } = await manager('counters.createPairingCode', {
    tillName: 'Counter 3',
  });
  const dir = path.join(folder, 'counter-3');
  const paired = await finished(
    spawnCli([
      'pair',
      '--hub',
      hubUrl,
      '--code',
      counterCode,
      '--fingerprint',
      network.fingerprint,
      '--dir',
      dir,
    ]),
  );
  expect(paired.code, paired.stderr).toBe(0);
  const counterApp = spawnCli(['serve', '--counter', dir, '--port', '0', '--json']);
  try {
    const { url: counterUrl } = JSON.parse(await firstLine(counterApp));
    const counter = await (await browser.newContext()).newPage();
    await startIn(counter, 'en');
    await counter.goto(counterUrl);
    await signIn(counter, 'clerk', '1111');

    // The hub's own counter, where the manager works.
    await startIn(page, 'en');
    await page.goto(hub.url);
    await signIn(page, 'manager', '9999');

    const tills = [
      { page, number: '687123456' },
      { page: tablet, number: '687654321' },
      { page: counter, number: '687777888' },
    ];
    for (const till of tills) await openTheDay(till.page, till.page !== page);
    // All three sell at once.
    await Promise.all(tills.map((till) => sellByCard(till.page, till.number)));
    for (const till of tills) await closeTheDay(till.page, till.page !== page);

    // Each till printed its own receipt 1 on the hub's printer, with its name on it.
    const receipts = path.join(folder, 'receipts');
    const files = fs.readdirSync(receipts).filter((name) => name.endsWith('.pdf'));
    expect(files).toHaveLength(3);
    const texts = files.map((name) => pdfText(path.join(receipts, name)));
    for (const name of ['Counter 2', 'Counter 3']) {
      expect(texts.filter((text) => text.includes(name))).toHaveLength(1);
    }
    for (const text of texts) expect(text).toMatch(/N° 1\b/);

    // The shop's day on the hub: three tills, each closed by its Z 1, adding up to the day.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Noumea' }).format(
      new Date(),
    );
    const shopDay = await manager('day.getShopTotal', { date: today });
    const zs = shopDay.tills.map(
      (till: { till: { name: string; kind: string }; reports: { number: number }[] }) => [
        till.till.kind,
        till.till.name,
        till.reports.map((z) => z.number),
      ],
    );
    expect(zs).toEqual([
      ['hub', expect.any(String), [1]],
      ['counter', 'Counter 2', [1]],
      ['counter', 'Counter 3', [1]],
    ]);
    expect(shopDay.tills.map((till: { openSince: unknown }) => till.openSince)).toEqual([
      null,
      null,
      null,
    ]);
    expect(shopDay.totals.sales).toBe(3);
    expect(shopDay.totals.gross).toEqual({ amount: 3 * 1500, currency: 'XPF' });

    // On the hub's Sales page each sale says its till, and Counter 2's receipt 1 is its own.
    await page.getByRole('navigation').getByRole('link', { name: 'Sales' }).click();
    const atTwo = page.getByRole('row').filter({ hasText: 'Counter 2' });
    await expect(atTwo.getByRole('cell', { name: 'Counter 2' })).toBeVisible();
    await atTwo.getByRole('button', { name: 'Receipt 1' }).click();
    const opened = page.locator('.sales__detail').frameLocator('iframe.receipt-view');
    await expect(opened.locator('body')).toContainText('Counter 2');
    expect(problems).toEqual([]);
  } finally {
    counterApp.kill('SIGTERM');
    await finished(counterApp);
  }
});
