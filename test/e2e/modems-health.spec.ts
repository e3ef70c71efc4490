/**
 * The Modems page as the bank's health screen, in the demo: each modem's state and since when,
 * its signal and the readings before (after the bank's 30 s poll), today's top-ups as sales end,
 * a modem's details (what a clerk may see, and a manager's actions behind a confirmation).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './session';

/** Has the page start in English, as if the clerk had chosen it on this screen before. */
function startInEnglish(page: Page) {
  return page.addInitScript({
    content: `window.localStorage.setItem('comptoir.language', 'en')`,
  });
}

async function openModems(page: Page) {
  const link = page.locator('.app__nav-link[href="#modems"]');
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
}

/** A top-up sold over the API as `name`, as another counter of the shop would. */
async function sellAs(page: Page, url: string, name: string, pin: string, msisdn: string) {
  const login = await page.request.post(`${url}api/auth.login`, { data: { name, pin } });
  const { token } = await login.json();
  const sold = await page.request.post(`${url}api/sales.renew`, {
    data: {
      msisdn,
      planId: '1go',
      payment: { method: 'card', reference: 'TPE' },
      idempotencyKey: `health-${Date.now()}-${msisdn}`,
    },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(sold.ok(), await sold.text()).toBe(true);
  return (await sold.json()).sale as { status: string; modemId: string };
}

// On a branch where a part of the bank is not built yet, its calls are refused (409) and the
// page says so; nothing else may go wrong on the page.
const unexpected = (problems: string[]) =>
  problems.filter((problem) => !problem.includes('status of 409'));

test("a clerk sees each modem's state, since when, its signal, and today's top-ups as they end", async ({
  page,
  demoShop,
  problems,
}) => {
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await openModems(page);

  const first = page.getByTestId('modem-nc-demo-sim-1');
  const second = page.getByTestId('modem-nc-demo-sim-2');
  for (const row of [first, second]) {
    await expect(row).toContainText('Ready');
    await expect(row).toContainText(/since \d\d:\d\d/);
    await expect(row.getByTestId('signal')).toContainText(/\d\/4 bars/);
    await expect(row.getByRole('img', { name: /^Signal, one reading at \d\d:\d\d/ })).toBeVisible();
    await expect(row.getByTestId('today')).toContainText('Done: 0');
    await expect(row.getByTestId('today')).toContainText('Failed: 0');
  }

  // A sale from another counter: the page hears its modem free again and counts it.
  const done = await sellAs(page, demoShop.url, 'manager', '9999', '687123456');
  expect(done.status).toBe('succeeded');
  const failed = await sellAs(page, demoShop.url, 'manager', '9999', '687111222');
  expect(failed.status).toBe('failed');
  const rowOf = (modemId: string) => page.getByTestId(`modem-${modemId}`).getByTestId('today');
  if (done.modemId === failed.modemId) {
    await expect(rowOf(done.modemId)).toContainText('Done: 1');
    await expect(rowOf(done.modemId)).toContainText('Failed: 1');
  } else {
    await expect(rowOf(done.modemId)).toContainText('Done: 1');
    await expect(rowOf(failed.modemId)).toContainText('Failed: 1');
  }

  // A clerk's details: which SIM and link, no action and no history.
  await first.getByRole('button', { name: 'Details of modem nc-demo-sim-1' }).click();
  const details = page.getByRole('region', { name: 'Modem nc-demo-sim-1' });
  await expect(details).toContainText('Serial port (AT commands)');
  await expect(details).toContainText('Dealer SIM (ICCID)');
  await expect(details.getByRole('button')).toHaveCount(0);
  await expect(details.getByRole('heading', { name: 'History' })).toHaveCount(0);
  await first.getByRole('button', { name: 'Details of modem nc-demo-sim-1' }).click();
  await expect(details).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});

test("each modem's signal chart grows by a reading at the bank's poll", async ({
  page,
  demoShop,
}) => {
  test.slow(); // The bank reads the signal every 30 s.
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'clerk', '1111');
  await openModems(page);
  const chart = page.getByTestId('modem-nc-demo-sim-1').getByRole('img', { name: /^Signal, / });
  await expect(chart).toHaveAttribute('data-readings', '1');
  await expect(chart).toHaveAttribute('data-readings', '2', { timeout: 45_000 });
  await expect(chart).toHaveAccessibleName(
    /^Signal, 2 readings from \d\d:\d\d to \d\d:\d\d: lowest \d, highest \d, now \d of 4 bars\.$/,
  );
});

test("a manager's action on a modem is asked for confirmation, then says how it went", async ({
  page,
  demoShop,
  problems,
}) => {
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await openModems(page);
  await page.getByRole('button', { name: 'Details of modem nc-demo-sim-1' }).click();
  const details = page.getByRole('region', { name: 'Modem nc-demo-sim-1' });
  await expect(details.getByRole('heading', { name: 'Actions' })).toBeVisible();
  for (const action of ['Re-initialise', 'Reset', 'Take out of service']) {
    await expect(details.getByRole('button', { name: action })).toBeEnabled();
  }
  // The history is there, or the reason it cannot be read (said, never a bare key).
  await expect(details.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(
    details.getByTestId('modem-timeline').or(details.getByText(/^History: \S/)),
  ).toBeVisible();

  // Cancelled: nothing is asked of the bank, no result line.
  await details.getByRole('button', { name: 'Reset' }).click();
  const dialog = page.getByRole('dialog', { name: 'Modem nc-demo-sim-1' });
  await expect(dialog).toContainText('Reset modem nc-demo-sim-1?');
  await expect(dialog.getByRole('button', { name: 'Yes, go ahead' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(details.getByText(/^Modem nc-demo-sim-1:/)).toHaveCount(0);

  // Confirmed: one clear line, whether the bank did it or refused it.
  await details.getByRole('button', { name: 'Re-initialise' }).click();
  await dialog.getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    details.getByText(/^Modem nc-demo-sim-1: (re-initialisation asked\.|\S.*)$/),
  ).toBeVisible();
  await expect(details.getByText(/modems\./)).toHaveCount(0);
  expect(unexpected(problems)).toEqual([]);
});

// Needs modems.setInService (heal12): on a branch without it, the result line says it is refused.
test('a modem taken out of service is an alert on every screen until it is put back', async ({
  page,
  demoShop,
}) => {
  await startInEnglish(page);
  await page.goto(demoShop.url);
  await signIn(page, 'manager', '9999');
  await openModems(page);
  await page.getByRole('button', { name: 'Details of modem nc-demo-sim-2' }).click();
  const details = page.getByRole('region', { name: 'Modem nc-demo-sim-2' });
  await details.getByRole('button', { name: 'Take out of service' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(details.getByText('Modem nc-demo-sim-2 is out of service.')).toBeVisible();
  await expect(page.getByTestId('modem-nc-demo-sim-2')).toContainText('Out of service');

  const alerts = page.getByTestId('modem-alerts');
  await expect(alerts).toContainText('Modem nc-demo-sim-2 is out of service.');
  await page.locator('.app__nav-link[href="#counter"]').click();
  await expect(alerts).toContainText('Modem nc-demo-sim-2 is out of service.');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('[data-testid="modem-alerts"]')
    .analyze();
  expect(violations).toEqual([]);
  await alerts.getByRole('link', { name: 'See the modems' }).click();
  await page.getByRole('button', { name: 'Details of modem nc-demo-sim-2' }).click();
  await details.getByRole('button', { name: 'Put back in service' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, go ahead' }).click();
  await expect(details.getByText('Modem nc-demo-sim-2 is back in service.')).toBeVisible();
  await expect(alerts).toHaveCount(0);
});
