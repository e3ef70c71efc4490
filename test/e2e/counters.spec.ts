/**
 * Several counters on one hub, as people see them: the first run that joins a hub instead of
 * holding the modems; each screen axe-clean and fitting 1024×768 in English, French and Chinese.
 */
import net from 'node:net';
import path from 'node:path';
import { finished, firstLine, spawnCli } from '../support/cli';
import { closedPort } from '../support/printers';
import { expect, test } from './fixtures';
import { asManager, checkInEveryLanguage, open, startIn } from './screens';
import { signIn } from './session';

test.use({ viewport: { width: 1024, height: 768 } });

test('a first run that joins a hub says in words when nothing answers at the address typed', async ({
  page,
  serveShop,
  folder,
  problems,
}) => {
  await startIn(page, 'en');
  const fresh = await serveShop(path.join(folder, 'counter.sqlite'));
  await page.goto(fresh.url);
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /This PC holds the modems/ })).toBeChecked();

  await page.getByRole('radio', { name: /Join a hub/ }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Join a hub' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toHaveCount(0);
  const gone = `https://127.0.0.2:${await closedPort()}`;
  await page.getByLabel('Hub address').fill(gone);
  await page.getByRole('button', { name: 'Reach the hub' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(`The hub could not be reached at ${gone}.`);
  await expect(page.getByText('Certificate fingerprint')).toHaveCount(0);
  const faults = await checkInEveryLanguage(page, 'first run, joining a hub', async () => {
    await expect(refusal).toContainText(gone);
  });
  expect(faults).toEqual([]);

  // Back to holding the modems: today's setup, as it was.
  await page.locator('#language-picker').selectOption('en');
  await page.getByRole('radio', { name: /This PC holds the modems/ }).check();
  await expect(page.getByRole('heading', { name: 'Create the first manager' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Shop profile' })).toBeVisible();
  expect(problems.filter((problem) => !/status of 5\d\d/.test(problem))).toEqual([]);
});

test('a manager opens the hub on the shop’s network, a tablet pairs with a code, and is revoked', async ({
  page,
  demoShop,
  browser,
  problems,
}) => {
  test.slow(); // Two screens read by axe in three languages, the whole settings page among them.
  await startIn(page, 'en');
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await open(page, 'settings');
  await expect(page.getByRole('region', { name: 'Counters' })).toBeVisible();
  const section = page.locator('section.counters');
  await expect(section.getByText('Closed: only this PC reaches Comptoir.')).toBeVisible();
  await expect(
    section.getByRole('list', { name: 'Certificate fingerprint' }).getByRole('listitem'),
  ).toHaveCount(16);

  const port = await closedPort('127.0.0.2');
  await section.getByLabel('Address of this PC').fill('127.0.0.2');
  await section.getByLabel('Port').fill(String(port));
  await section.getByLabel(/Open to the shop’s network/).check();
  await section.getByRole('button', { name: 'Save the network setting' }).click();
  const url = `https://127.0.0.2:${port}/`;
  await expect(section.getByTestId('hub-url')).toHaveText(url);
  await expect(section.getByText('The hub is open to the shop’s network.')).toBeVisible();

  await section.getByLabel('Till name (optional)').fill('Counter 2');
  await section.getByRole('button', { name: 'Create a pairing code' }).click();
  const card = section.getByTestId('pairing-code');
  await expect(card).toContainText('Pairing code for Counter 2:');
  await expect(card).toContainText('Expires in 10 minutes.');
  await expect(card).toContainText(url);
  const code = (await card.locator('.pairing-code__code').innerText()).replace(/\s/g, '');
  expect(code).toMatch(/^[A-Z2-9]{8}$/);

  // The tablet: a browser on the shop's network, its user has accepted the hub's certificate.
  const tablet = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const tabletProblems: string[] = [];
  tablet.on('console', (message) => {
    if (message.type() === 'error') tabletProblems.push(message.text());
  });
  await startIn(tablet, 'en');
  await tablet.goto(url);
  await expect(tablet.getByRole('heading', { name: 'Pair this counter' })).toBeVisible();
  await expect(tablet.getByText('This counter was unpaired')).toHaveCount(0);
  expect(
    await checkInEveryLanguage(tablet, 'pairing', async () => {
      await expect(tablet.locator('#pairing-code')).toBeVisible();
    }),
  ).toEqual([]);
  await tablet.locator('#language-picker').selectOption('en');
  await tablet.getByLabel('Pairing code').fill('ABCD');
  await tablet.getByRole('button', { name: 'Pair this counter' }).click();
  await expect(tablet.getByText('A pairing code is 8 letters and digits')).toBeVisible();
  await tablet.getByLabel('Pairing code').fill('ABCD-EFGH');
  await tablet.getByRole('button', { name: 'Pair this counter' }).click();
  await expect(tablet.getByRole('alert')).toContainText(
    'This code is wrong, expired or already used.',
  );
  await tablet
    .getByLabel('Pairing code')
    .fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  await tablet.getByRole('button', { name: 'Pair this counter' }).click();
  await expect(tablet.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(tablet, 'clerk', '1111');
  await expect(tablet.getByRole('heading', { name: 'Counter' })).toBeVisible();

  // The manager sees the code used and the counter listed, from the tablet's address.
  await expect(section.getByText('Counter 2 has joined the hub')).toBeVisible();
  const row = section.getByRole('row', { name: /Counter 2/ });
  await expect(row).toContainText('127.0.0.1');
  await expect(row).toContainText('Paired');
  expect(
    await checkInEveryLanguage(page, 'settings, counters, one paired', async () => {
      await expect(row).toBeVisible();
    }),
  ).toEqual([]);
  await page.locator('#language-picker').selectOption('en');

  await row.getByRole('button', { name: 'Revoke Counter 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke Counter 2' });
  await expect(dialog).toContainText('Its sales and receipts stay in the books.');
  await dialog.getByRole('button', { name: 'Revoke Counter 2' }).click();
  await expect(section.getByText('Counter 2 is revoked')).toBeVisible();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button')).toHaveCount(0);

  // The tablet's next call is refused: back to pairing, saying why.
  await tablet.getByRole('link', { name: 'Sales' }).click();
  await expect(tablet.getByRole('heading', { name: 'Pair this counter' })).toBeVisible();
  await expect(tablet.getByText('This counter was unpaired on the hub')).toBeVisible();

  const refusals = /status of (400|401|403)/;
  expect(problems.filter((problem) => !refusals.test(problem))).toEqual([]);
  expect(tabletProblems.filter((problem) => !refusals.test(problem))).toEqual([]);
});

test('a manager is told in words when the hub cannot listen where asked', async ({
  page,
  demoShop,
  problems,
}) => {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.2', resolve));
  const { port } = taken.address() as net.AddressInfo;
  try {
    await startIn(page, 'en');
    await page.goto(demoShop.url);
    await signIn(page, 'manager', '9999');
    await open(page, 'settings');
    const section = page.locator('section.counters');
    await section.getByLabel('Address of this PC').fill('127.0.0.2');
    await section.getByLabel('Port').fill(String(port));
    await section.getByLabel(/Open to the shop’s network/).check();
    await section.getByRole('button', { name: 'Save the network setting' }).click();
    await expect(section.getByRole('alert')).toHaveText(
      `The hub could not listen on 127.0.0.2:${port}: another program already uses this port. Choose another address or port.`,
    );
    await expect(section.getByTestId('hub-url')).toHaveCount(0);
    await section.getByLabel('Port').fill('80');
    await section.getByRole('button', { name: 'Save the network setting' }).click();
    await expect(section.locator('#hub-port-error')).toBeVisible();
    expect(problems.filter((problem) => !/status of 400/.test(problem))).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
});

test('a counter shows at once that its hub is gone, refuses the sale in words, and clears the banner once it is back', async ({
  page,
  folder,
  serveShop,
  problems,
}) => {
  test.slow(); // Two hubs started, a counter paired and served.
  const hubFile = path.join(folder, 'hub.sqlite');
  let hub = await serveShop(hubFile, ['--demo']);
  const manager = await asManager(page, hub.url);
  const port = await closedPort('127.0.0.2');
  const opened = await manager('counters.setNetwork', { open: true, address: '127.0.0.2', port });
  const { code } = await manager('counters.createPairingCode', { tillName: 'Counter 2' });
  const dir = path.join(folder, 'counter');
  const paired = await finished(
    spawnCli([
      'pair',
      '--hub',
      opened.url,
      '--code',
      code,
      '--fingerprint',
      opened.fingerprint,
      '--dir',
      dir,
    ]),
  );
  expect(paired.code, paired.stderr).toBe(0);
  const counter = spawnCli(['serve', '--counter', dir, '--port', '0', '--json']);
  try {
    const { url } = JSON.parse(await firstLine(counter));
    await startIn(page, 'en');
    await page.goto(url);
    await signIn(page, 'clerk', '1111');
    await expect(page.getByRole('heading', { name: 'Counter' })).toBeVisible();
    const banner = page.getByTestId('hub-banner');
    await expect(banner).toHaveCount(0);

    await hub.stop();
    await expect(banner).toContainText('The hub cannot be reached.');
    await expect(banner).toContainText('Retrying by itself');
    await page.getByLabel('Customer number').fill('687123456');
    await page.getByRole('radio', { name: /^1 Go / }).check();
    await page.getByRole('radio', { name: 'Card' }).check();
    await page.getByRole('button', { name: 'Review the sale' }).click();
    await page.getByRole('button', { name: 'Sell' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'this counter keeps trying' }),
    ).toContainText('The hub cannot be reached: this counter keeps trying by itself.');
    const faults = await checkInEveryLanguage(page, 'counter, hub gone', async () => {
      await expect(banner).toBeVisible();
    });
    expect(faults).toEqual([]);

    hub = await serveShop(hubFile, ['--demo']);
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    expect(problems.filter((problem) => !/status of (401|503)/.test(problem))).toEqual([]);
  } finally {
    counter.kill('SIGTERM');
    await finished(counter);
  }
});
